package dev.nabla.ml;

import dev.nabla.Tensor;
import dev.nabla.ml.metrics.Metrics;

/** A predictor of class labels. Labels are any numeric values; {@link #classes()} lists them sorted. */
public interface Classifier extends Predictor {
    @Override
    Classifier fit(Tensor x, Tensor y);

    /** Class probabilities, n_samples x n_classes, columns in {@link #classes()} order. */
    Tensor predictProba(Tensor x);

    /** Confidence scores: n_samples for two classes (positive class = classes()[1]), else n_samples x n_classes. */
    Tensor decisionFunction(Tensor x);

    /** The sorted distinct labels seen in fit. */
    Tensor classes();

    @Override
    default double score(Tensor x, Tensor y) {
        return Metrics.accuracy(y, predict(x));
    }
}
