package dev.nabla.nn.optim;

import java.util.OptionalDouble;

/**
 * The hyper-parameters of one parameter group: an immutable record whose {@code with...} methods
 * return a changed copy. Schedulers change the learning rate (and OneCycleLR the momentum) through
 * the two pairs below, so they work with any optimizer.
 *
 * <p>An optimizer's state dict stores these records by their component names, so every component
 * must be a {@code double}, {@code int}, {@code long} or {@code boolean}.
 *
 * @param <O> the record type itself
 */
public interface OptimizerOptions<O extends OptimizerOptions<O>> {
    double lr();

    O withLr(double lr);

    /** The momentum OneCycleLR cycles: SGD's and RMSprop's momentum, Adam's beta1; empty when there is none. */
    default OptionalDouble momentumTerm() {
        return OptionalDouble.empty();
    }

    /** A copy with {@link #momentumTerm()} replaced; only options that have one support it. */
    default O withMomentumTerm(double momentum) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no momentum term");
    }
}
