package dev.nabla.nn.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cuts the learning rate by factor when a watched metric (e.g. validation loss) stops improving for
 * more than patience epochs (PyTorch's ReduceLROnPlateau). Unlike the epoch schedulers it is driven
 * by {@link #step(double)} with the metric; after a cut it waits cooldown epochs before counting again.
 */
public final class ReduceLROnPlateau {
    /** Whether lower (MIN, e.g. a loss) or higher (MAX, e.g. accuracy) metric values are better. */
    public enum Mode { MIN, MAX }

    /** REL: an improvement must beat best by the fraction threshold; ABS: by threshold itself. */
    public enum ThresholdMode { REL, ABS }

    /** {@link #defaults()} are PyTorch's. */
    public record Options(Mode mode, double factor, int patience, double threshold, ThresholdMode thresholdMode,
                          int cooldown, double minLr, double eps) {
        public Options {
            if (mode == null || thresholdMode == null) throw new IllegalArgumentException("ReduceLROnPlateau: mode and thresholdMode must be set");
            if (!(factor < 1.0)) throw new IllegalArgumentException("ReduceLROnPlateau: factor must be < 1, got " + factor);
            if (patience < 0) throw new IllegalArgumentException("ReduceLROnPlateau: patience must be >= 0, got " + patience);
            if (cooldown < 0) throw new IllegalArgumentException("ReduceLROnPlateau: cooldown must be >= 0, got " + cooldown);
        }

        /** MIN mode, factor 0.1, patience 10, relative threshold 1e-4, no cooldown, minLr 0, eps 1e-8. */
        public static Options defaults() { return new Options(Mode.MIN, 0.1, 10, 1e-4, ThresholdMode.REL, 0, 0, 1e-8); }

        public Options withMode(Mode mode) { return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps); }
        public Options withFactor(double factor) { return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps); }
        public Options withPatience(int patience) { return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps); }
        public Options withThreshold(double threshold, ThresholdMode thresholdMode) { return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps); }
        public Options withCooldown(int cooldown) { return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps); }
        public Options withMinLr(double minLr) { return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps); }
        public Options withEps(double eps) { return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps); }
    }

    private final Optimizer<?> optimizer;
    private final Options options;
    private double best;
    private int badEpochs;
    private int cooldownCounter;
    private int lastEpoch;
    private double[] lastLr;

    public ReduceLROnPlateau(Optimizer<?> optimizer, Options options) {
        this.optimizer = optimizer;
        this.options = options;
        best = options.mode() == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        lastLr = currentLrs();
    }

    /** Records the metric of the epoch just finished and cuts the learning rates if it has plateaued. */
    public void step(double metric) {
        lastEpoch++;
        if (isBetter(metric)) {
            best = metric;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            badEpochs = 0; // bad epochs during cooldown do not count
        }
        if (badEpochs > options.patience()) {
            reduce();
            cooldownCounter = options.cooldown();
            badEpochs = 0;
        }
        lastLr = currentLrs();
    }

    private boolean isBetter(double metric) {
        double t = options.threshold();
        return switch (options.mode()) {
            case MIN -> options.thresholdMode() == ThresholdMode.REL ? metric < best * (1 - t) : metric < best - t;
            case MAX -> options.thresholdMode() == ThresholdMode.REL ? metric > best * (1 + t) : metric > best + t;
        };
    }

    private void reduce() {
        for (ParamGroup<?> g : optimizer.paramGroups()) {
            double old = g.lr();
            double cut = Math.max(old * options.factor(), options.minLr());
            // Changes smaller than eps are not worth making (PyTorch's rule; it stops at minLr).
            if (old - cut > options.eps()) g.setLr(cut);
        }
    }

    private double[] currentLrs() {
        return optimizer.paramGroups().stream().mapToDouble(ParamGroup::lr).toArray();
    }

    /** The learning rates after the last step (at construction: the optimizer's), one per group. */
    public double[] getLastLr() {
        return lastLr.clone();
    }

    /** {@code "best"} (Double), {@code "badEpochs"}, {@code "cooldownCounter"}, {@code "lastEpoch"} (Integer), {@code "lastLr"} (List of Double). */
    public Map<String, Object> stateDict() {
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("best", best);
        dict.put("badEpochs", badEpochs);
        dict.put("cooldownCounter", cooldownCounter);
        dict.put("lastEpoch", lastEpoch);
        dict.put("lastLr", LrScheduler.toList(lastLr));
        return dict;
    }

    public void loadStateDict(Map<String, Object> dict) {
        best = ((Number) dict.get("best")).doubleValue();
        badEpochs = ((Number) dict.get("badEpochs")).intValue();
        cooldownCounter = ((Number) dict.get("cooldownCounter")).intValue();
        lastEpoch = ((Number) dict.get("lastEpoch")).intValue();
        lastLr = LrScheduler.toArray(dict.get("lastLr"), "lastLr");
    }
}
