package dev.nabla.nn;

import dev.nabla.Tensor;

/** Binary cross entropy of probabilities (PyTorch's nn.BCELoss); see {@link Losses#binaryCrossEntropy(Tensor, Tensor, Tensor, Reduction)}. */
public final class BCELoss extends Loss {
    public BCELoss() {
        this(null, Reduction.MEAN);
    }

    /** weight (may be null) rescales each element, broadcast against the input. */
    public BCELoss(Tensor weight, Reduction reduction) {
        super(reduction);
        registerBuffer("weight", weight);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.binaryCrossEntropy(input, target, buffer("weight"), reduction);
    }
}
