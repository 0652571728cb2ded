package dev.nabla.ml.svm;

import dev.nabla.ml.Check;

/**
 * The kernel coefficient gamma (sklearn's {@code gamma}): {@link #SCALE} = 1 / (n_features · X.var()),
 * the default; {@link #AUTO} = 1 / n_features; or a fixed positive value.
 */
public record Gamma(Mode mode, double value) {
    public enum Mode { SCALE, AUTO, VALUE }

    public static final Gamma SCALE = new Gamma(Mode.SCALE, 0);
    public static final Gamma AUTO = new Gamma(Mode.AUTO, 0);

    public Gamma {
        Check.notNull("Gamma", "mode", mode);
        if (mode == Mode.VALUE) Check.positive("Gamma", "value", value);
        else if (value != 0) throw new IllegalArgumentException("Gamma: " + mode + " takes no value, got " + value);
    }

    /** sklearn's spellings: "scale", "auto" or a number. */
    public static Gamma fromParam(Object v) {
        return switch (v) {
            case String s when s.equalsIgnoreCase("scale") -> SCALE;
            case String s when s.equalsIgnoreCase("auto") -> AUTO;
            case Number n -> of(n.doubleValue());
            default -> throw new IllegalArgumentException("gamma must be \"scale\", \"auto\" or a number, got " + v);
        };
    }

    public static Gamma of(double value) {
        return new Gamma(Mode.VALUE, value);
    }

    /** The gamma to use for training data with these values (row-major) and this feature count. */
    double resolve(double[] x, int nFeatures) {
        return switch (mode) {
            case VALUE -> value;
            case AUTO -> 1.0 / nFeatures;
            case SCALE -> {
                double var = variance(x);
                yield var == 0 ? 1.0 : 1.0 / (nFeatures * var); // sklearn's fallback for constant X
            }
        };
    }

    private static double variance(double[] x) {
        double mean = 0;
        for (double v : x) mean += v;
        mean /= x.length;
        double ss = 0;
        for (double v : x) ss += (v - mean) * (v - mean);
        return ss / x.length;
    }
}
