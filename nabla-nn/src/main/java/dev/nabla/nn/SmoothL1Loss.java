package dev.nabla.nn;

import dev.nabla.Tensor;

/** Quadratic below beta, linear above (PyTorch's nn.SmoothL1Loss); see {@link Losses#smoothL1Loss}. */
public final class SmoothL1Loss extends Loss {
    private final double beta;

    public SmoothL1Loss() {
        this(Reduction.MEAN, 1.0);
    }

    public SmoothL1Loss(Reduction reduction, double beta) {
        super(reduction);
        this.beta = beta;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.smoothL1Loss(input, target, reduction, beta);
    }
}
