package dev.nabla.nn;

import dev.nabla.Tensor;

/** Mean squared error (PyTorch's nn.MSELoss); see {@link Losses#mseLoss}. */
public final class MSELoss extends Loss {
    public MSELoss() {
        this(Reduction.MEAN);
    }

    public MSELoss(Reduction reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.mseLoss(input, target, reduction);
    }
}
