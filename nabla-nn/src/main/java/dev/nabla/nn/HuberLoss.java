package dev.nabla.nn;

import dev.nabla.Tensor;

/** Quadratic below delta, delta-scaled linear above (PyTorch's nn.HuberLoss); see {@link Losses#huberLoss}. */
public final class HuberLoss extends Loss {
    private final double delta;

    public HuberLoss() {
        this(Reduction.MEAN, 1.0);
    }

    public HuberLoss(Reduction reduction, double delta) {
        super(reduction);
        this.delta = delta;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.huberLoss(input, target, reduction, delta);
    }
}
