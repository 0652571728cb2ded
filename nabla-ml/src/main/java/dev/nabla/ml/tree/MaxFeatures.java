package dev.nabla.ml.tree;

/**
 * How many features each split considers (sklearn's {@code max_features}): all, sqrt, log2, a fraction
 * of n_features or an absolute count. Features are drawn without replacement per node.
 */
public record MaxFeatures(Kind kind, double value) {
    public enum Kind { ALL, SQRT, LOG2, FRACTION, COUNT }

    public static final MaxFeatures ALL = new MaxFeatures(Kind.ALL, 0);
    public static final MaxFeatures SQRT = new MaxFeatures(Kind.SQRT, 0);
    public static final MaxFeatures LOG2 = new MaxFeatures(Kind.LOG2, 0);

    public MaxFeatures {
        if (kind == null) throw new IllegalArgumentException("MaxFeatures: kind must not be null");
        if (kind == Kind.FRACTION && !(value > 0 && value <= 1)) throw new IllegalArgumentException("MaxFeatures: fraction must be in (0, 1], got " + value);
        if (kind == Kind.COUNT && !(value >= 1 && value == Math.rint(value))) throw new IllegalArgumentException("MaxFeatures: count must be an integer >= 1, got " + value);
    }

    /** sklearn's spellings: "sqrt", "log2", "all", an int (a count) or a float (a fraction). */
    public static MaxFeatures fromParam(Object v) {
        return switch (v) {
            case String s when s.equalsIgnoreCase("sqrt") -> SQRT;
            case String s when s.equalsIgnoreCase("log2") -> LOG2;
            case String s when s.equalsIgnoreCase("all") -> ALL;
            case Integer n -> count(n);
            case Long n -> count(Math.toIntExact(n));
            case Double f -> fraction(f);
            default -> throw new IllegalArgumentException("maxFeatures must be \"sqrt\", \"log2\", \"all\", an int count or a float fraction, got " + v);
        };
    }

    public static MaxFeatures fraction(double f) {
        return new MaxFeatures(Kind.FRACTION, f);
    }

    public static MaxFeatures count(int n) {
        return new MaxFeatures(Kind.COUNT, n);
    }

    /** The number of features per split for data with nFeatures columns, as sklearn rounds it. */
    public int resolve(String owner, int nFeatures) {
        int k = switch (kind) {
            case ALL -> nFeatures;
            case SQRT -> (int) Math.sqrt(nFeatures);
            case LOG2 -> (int) (Math.log(nFeatures) / Math.log(2));
            case FRACTION -> (int) (value * nFeatures);
            case COUNT -> (int) value;
        };
        if (kind == Kind.COUNT && k > nFeatures)
            throw new IllegalArgumentException(owner + ": maxFeatures count " + k + " exceeds the " + nFeatures + " features of X");
        return Math.max(1, k);
    }
}
