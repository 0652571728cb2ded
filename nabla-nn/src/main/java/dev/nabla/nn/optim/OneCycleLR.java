package dev.nabla.nn.optim;

import java.util.List;

/**
 * The 1cycle policy (Smith and Topin; PyTorch's OneCycleLR), stepped once per batch: the learning
 * rate climbs from maxLr / divFactor to maxLr over the first pctStart of the steps, then anneals to
 * maxLr / (divFactor * finalDivFactor); momentum (SGD's and RMSprop's momentum, Adam's beta1) moves
 * the opposite way between maxMomentum and baseMomentum. With threePhase the learning rate comes back
 * down symmetrically to the start before the final annealing, as in fastai's original.
 *
 * <p>It overwrites every group's initial learning rate with maxLr / divFactor, and stepping past
 * totalSteps is an error.
 */
public final class OneCycleLR extends LrScheduler {
    public enum Anneal { COS, LINEAR }

    /** The schedule's shape; {@link #of(double, int)} gives PyTorch's defaults. */
    public record Options(double maxLr, int totalSteps, double pctStart, Anneal anneal, boolean cycleMomentum,
                          double baseMomentum, double maxMomentum, double divFactor, double finalDivFactor, boolean threePhase) {
        public Options {
            if (totalSteps <= 0) throw new IllegalArgumentException("OneCycleLR: totalSteps must be positive, got " + totalSteps);
            if (!(pctStart >= 0 && pctStart <= 1)) throw new IllegalArgumentException("OneCycleLR: pctStart must be in [0, 1], got " + pctStart);
            if (!(maxLr >= 0)) throw new IllegalArgumentException("OneCycleLR: maxLr must be >= 0, got " + maxLr);
            if (anneal == null) throw new IllegalArgumentException("OneCycleLR: anneal strategy is null");
        }

        /** Peak maxLr over totalSteps: 30% warm-up, cosine annealing, momentum 0.95 to 0.85, div factors 25 and 1e4. */
        public static Options of(double maxLr, int totalSteps) {
            return new Options(maxLr, totalSteps, 0.3, Anneal.COS, true, 0.85, 0.95, 25, 1e4, false);
        }

        public Options withPctStart(double pctStart) { return new Options(maxLr, totalSteps, pctStart, anneal, cycleMomentum, baseMomentum, maxMomentum, divFactor, finalDivFactor, threePhase); }
        public Options withAnneal(Anneal anneal) { return new Options(maxLr, totalSteps, pctStart, anneal, cycleMomentum, baseMomentum, maxMomentum, divFactor, finalDivFactor, threePhase); }
        public Options withCycleMomentum(boolean cycleMomentum) { return new Options(maxLr, totalSteps, pctStart, anneal, cycleMomentum, baseMomentum, maxMomentum, divFactor, finalDivFactor, threePhase); }
        public Options withMomentumRange(double baseMomentum, double maxMomentum) { return new Options(maxLr, totalSteps, pctStart, anneal, cycleMomentum, baseMomentum, maxMomentum, divFactor, finalDivFactor, threePhase); }
        public Options withDivFactors(double divFactor, double finalDivFactor) { return new Options(maxLr, totalSteps, pctStart, anneal, cycleMomentum, baseMomentum, maxMomentum, divFactor, finalDivFactor, threePhase); }
        public Options withThreePhase(boolean threePhase) { return new Options(maxLr, totalSteps, pctStart, anneal, cycleMomentum, baseMomentum, maxMomentum, divFactor, finalDivFactor, threePhase); }
    }

    /** Where a phase starts or ends: the initial lr / base momentum, the peak lr / max momentum, or the final lr. */
    private enum Level { LOW, HIGH, FLOOR }

    private record Phase(double endStep, Level startLr, Level endLr, Level startMomentum, Level endMomentum) {}

    private final Options options;
    private final List<Phase> phases;

    public OneCycleLR(Optimizer<?> optimizer, Options options) {
        this.options = options;
        double warmupEnd = options.pctStart() * options.totalSteps() - 1;
        int last = options.totalSteps() - 1;
        this.phases = options.threePhase()
                ? List.of(new Phase(warmupEnd, Level.LOW, Level.HIGH, Level.HIGH, Level.LOW),
                          new Phase(2 * options.pctStart() * options.totalSteps() - 2, Level.HIGH, Level.LOW, Level.LOW, Level.HIGH),
                          new Phase(last, Level.LOW, Level.FLOOR, Level.HIGH, Level.HIGH))
                : List.of(new Phase(warmupEnd, Level.LOW, Level.HIGH, Level.HIGH, Level.LOW),
                          new Phase(last, Level.HIGH, Level.FLOOR, Level.LOW, Level.HIGH));
        for (ParamGroup<?> g : optimizer.paramGroups()) {
            g.setInitialLr(options.maxLr() / options.divFactor());
            if (options.cycleMomentum()) {
                if (g.momentumTerm().isEmpty())
                    throw new IllegalArgumentException("OneCycleLR: " + optimizer.name()
                            + " has no momentum to cycle; use Options.withCycleMomentum(false)");
                g.setMomentumTerm(options.maxMomentum());
            }
        }
        super(optimizer);
    }

    @Override
    protected double[] computeLr() {
        if (lastEpoch > options.totalSteps())
            throw new IllegalStateException("OneCycleLR: tried to step " + (lastEpoch + 1) + " times; totalSteps is " + options.totalSteps());
        List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
        double[] lrs = new double[groups.size()];
        for (int i = 0; i < lrs.length; i++) {
            ParamGroup<?> g = groups.get(i);
            double startStep = 0;
            for (int k = 0; k < phases.size(); k++) {
                Phase phase = phases.get(k);
                if (lastEpoch <= phase.endStep() || k == phases.size() - 1) {
                    double pct = (lastEpoch - startStep) / (phase.endStep() - startStep);
                    double initialLr = g.initialLr().getAsDouble();
                    lrs[i] = anneal(lr(phase.startLr(), initialLr), lr(phase.endLr(), initialLr), pct);
                    if (options.cycleMomentum())
                        g.setMomentumTerm(anneal(momentum(phase.startMomentum()), momentum(phase.endMomentum()), pct));
                    break;
                }
                startStep = phase.endStep();
            }
        }
        return lrs;
    }

    private double lr(Level level, double initialLr) {
        return switch (level) {
            case LOW -> initialLr;
            case HIGH -> options.maxLr();
            case FLOOR -> options.maxLr() / options.divFactor() / options.finalDivFactor();
        };
    }

    private double momentum(Level level) {
        return level == Level.HIGH ? options.maxMomentum() : options.baseMomentum();
    }

    private double anneal(double start, double end, double pct) {
        return switch (options.anneal()) {
            case COS -> end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1);
            case LINEAR -> (end - start) * pct + start;
        };
    }
}
