package dev.nabla.ml;

import dev.nabla.Tensor;
import dev.nabla.ml.metrics.Metrics;

/** A predictor of real values. */
public interface Regressor extends Predictor {
    @Override
    Regressor fit(Tensor x, Tensor y);

    @Override
    default double score(Tensor x, Tensor y) {
        return Metrics.r2(y, predict(x));
    }
}
