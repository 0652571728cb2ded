package dev.nabla.nn;

import dev.nabla.Tensor;

/** Negative log likelihood of log-probabilities (PyTorch's nn.NLLLoss); see {@link Losses#nllLoss(Tensor, Tensor, Tensor, int, Reduction)}. */
public final class NLLLoss extends Loss {
    private final int ignoreIndex;

    public NLLLoss() {
        this(null, Losses.NO_IGNORE, Reduction.MEAN);
    }

    /** weight (may be null) rescales each class. */
    public NLLLoss(Tensor weight, int ignoreIndex, Reduction reduction) {
        super(reduction);
        this.ignoreIndex = ignoreIndex;
        registerBuffer("weight", weight);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.nllLoss(input, target, buffer("weight"), ignoreIndex, reduction);
    }
}
