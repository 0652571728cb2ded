package dev.nabla.nn.optim;

import java.util.Arrays;

/**
 * Multiplies the learning rate by gamma at each milestone epoch (PyTorch's MultiStepLR); a milestone
 * listed twice decays twice.
 */
public final class MultiStepLR extends LrScheduler {
    private final int[] milestones;
    private final double gamma;

    public MultiStepLR(Optimizer<?> optimizer, int[] milestones, double gamma) {
        int[] sorted = milestones.clone();
        Arrays.sort(sorted);
        this.milestones = sorted;
        this.gamma = gamma;
        super(optimizer);
    }

    @Override
    protected double[] computeLr() {
        double[] lrs = currentLrs();
        int hits = (int) Arrays.stream(milestones).filter(m -> m == lastEpoch).count();
        if (hits == 0) return lrs;
        for (int i = 0; i < lrs.length; i++) lrs[i] *= Math.pow(gamma, hits);
        return lrs;
    }

    @Override
    protected double[] closedFormLr() {
        int passed = (int) Arrays.stream(milestones).filter(m -> m <= lastEpoch).count();
        double[] lrs = baseLrs.clone();
        for (int i = 0; i < lrs.length; i++) lrs[i] *= Math.pow(gamma, passed);
        return lrs;
    }
}
