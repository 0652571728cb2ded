package dev.nabla.nn;

import dev.nabla.Tensor;

/**
 * Sigmoid plus binary cross entropy, numerically stable for large logits (PyTorch's nn.BCEWithLogitsLoss);
 * see {@link Losses#binaryCrossEntropyWithLogits(Tensor, Tensor, Tensor, Tensor, Reduction)}.
 */
public final class BCEWithLogitsLoss extends Loss {
    public BCEWithLogitsLoss() {
        this(null, null, Reduction.MEAN);
    }

    /** weight rescales each element; posWeight weighs positives per class (last dim); either may be null. */
    public BCEWithLogitsLoss(Tensor weight, Tensor posWeight, Reduction reduction) {
        super(reduction);
        registerBuffer("weight", weight);
        registerBuffer("pos_weight", posWeight);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.binaryCrossEntropyWithLogits(input, target, buffer("weight"), buffer("pos_weight"), reduction);
    }
}
