package dev.nabla.ml;

import dev.nabla.Tensor;

/** A supervised estimator: learns from {@code X} (n_samples x n_features) and {@code y} (n_samples). */
public interface Predictor extends Estimator {
    Predictor fit(Tensor x, Tensor y);

    Tensor predict(Tensor x);

    /** The estimator's default score: accuracy for classifiers, R² for regressors. */
    double score(Tensor x, Tensor y);

    @Override
    Predictor setParams(java.util.Map<String, ?> changes);

    @Override
    Predictor clone();
}
