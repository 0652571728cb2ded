package dev.nabla.ml;

import dev.nabla.Tensor;

/** Learns a mapping of feature matrices in fit and applies it in transform. Output keeps X's dtype. */
public interface Transformer extends Estimator {
    Transformer fit(Tensor x);

    /** Supervised fit; unsupervised transformers ignore {@code y} (so they can sit in a pipeline). */
    default Transformer fit(Tensor x, Tensor y) {
        return fit(x);
    }

    Tensor transform(Tensor x);

    default Tensor fitTransform(Tensor x) {
        return fit(x).transform(x);
    }

    default Tensor fitTransform(Tensor x, Tensor y) {
        return fit(x, y).transform(x);
    }

    /** Maps transformed data back; not every transformer can. */
    default Tensor inverseTransform(Tensor x) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no inverseTransform");
    }

    @Override
    Transformer setParams(java.util.Map<String, ?> changes);

    @Override
    Transformer clone();
}
