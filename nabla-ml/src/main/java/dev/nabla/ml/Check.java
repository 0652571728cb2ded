package dev.nabla.ml;

/** Hyper-parameter checks for the options records' compact constructors; messages name owner and parameter. */
public final class Check {
    private Check() {}

    public static double nonNegative(String owner, String param, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) throw bad(owner, param, "a finite number >= 0", value);
        return value;
    }

    public static double positive(String owner, String param, double value) {
        if (!(value > 0) || Double.isInfinite(value)) throw bad(owner, param, "a finite number > 0", value);
        return value;
    }

    public static int positive(String owner, String param, int value) {
        if (value <= 0) throw bad(owner, param, "an integer > 0", value);
        return value;
    }

    public static double inRange(String owner, String param, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) throw bad(owner, param, "in [" + lo + ", " + hi + "]", value);
        return value;
    }

    public static <T> T notNull(String owner, String param, T value) {
        if (value == null) throw new IllegalArgumentException(owner + ": " + param + " must not be null");
        return value;
    }

    private static IllegalArgumentException bad(String owner, String param, String expected, Object got) {
        return new IllegalArgumentException(owner + ": " + param + " must be " + expected + ", got " + got);
    }
}
