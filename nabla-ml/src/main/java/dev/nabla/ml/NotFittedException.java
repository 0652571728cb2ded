package dev.nabla.ml;

/** A fitted-state method was called on an estimator that has not been fitted. */
public final class NotFittedException extends IllegalStateException {
    public NotFittedException(String estimator, String method) {
        super(estimator + " is not fitted yet: call fit before " + method);
    }
}
