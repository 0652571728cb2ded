package dev.nabla.nn;

import dev.nabla.Tensor;

/** KL divergence of log-probability inputs from a target distribution (PyTorch's nn.KLDivLoss); see {@link Losses#klDiv(Tensor, Tensor, Reduction, boolean)}. */
public final class KLDivLoss extends Loss {
    private final boolean logTarget;

    public KLDivLoss() {
        this(Reduction.MEAN, false);
    }

    public KLDivLoss(Reduction reduction, boolean logTarget) {
        super(reduction);
        this.logTarget = logTarget;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.klDiv(input, target, reduction, logTarget);
    }
}
