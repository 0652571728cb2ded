package dev.nabla.nn.optim;

/**
 * Scales the learning rate by a factor that moves linearly from startFactor to endFactor over
 * totalIters epochs, then stays (PyTorch's LinearLR): the usual linear warm-up is
 * {@code new LinearLR(opt, 0.01, 1.0, warmupSteps)}.
 */
public final class LinearLR extends LrScheduler {
    private final double startFactor;
    private final double endFactor;
    private final int totalIters;

    public LinearLR(Optimizer<?> optimizer, double startFactor, double endFactor, int totalIters) {
        // A start factor of 0 would make the chainable update divide by zero.
        if (!(startFactor > 0 && startFactor <= 1))
            throw new IllegalArgumentException("LinearLR: startFactor must be in (0, 1], got " + startFactor);
        if (!(endFactor >= 0 && endFactor <= 1))
            throw new IllegalArgumentException("LinearLR: endFactor must be in [0, 1], got " + endFactor);
        if (totalIters <= 0) throw new IllegalArgumentException("LinearLR: totalIters must be positive, got " + totalIters);
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        super(optimizer);
    }

    @Override
    protected double[] computeLr() {
        double[] lrs = currentLrs();
        if (lastEpoch == 0) {
            for (int i = 0; i < lrs.length; i++) lrs[i] *= startFactor;
        } else if (lastEpoch <= totalIters) {
            double ratio = 1 + (endFactor - startFactor) / (totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor));
            for (int i = 0; i < lrs.length; i++) lrs[i] *= ratio;
        }
        return lrs;
    }

    @Override
    protected double[] closedFormLr() {
        double factor = startFactor + (endFactor - startFactor) * Math.min(totalIters, lastEpoch) / totalIters;
        double[] lrs = baseLrs.clone();
        for (int i = 0; i < lrs.length; i++) lrs[i] *= factor;
        return lrs;
    }
}
