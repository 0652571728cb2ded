package dev.nabla;

/** Element types. float32 is the default and the fast path; float64 serves gradcheck and precise work. */
public enum DType {
    FLOAT32("float32", 4, true),
    FLOAT64("float64", 8, true),
    INT32("int32", 4, false),
    INT64("int64", 8, false),
    BOOL("bool", 1, false);

    private final String pyName;
    private final int byteSize;
    private final boolean floating;

    DType(String pyName, int byteSize, boolean floating) {
        this.pyName = pyName;
        this.byteSize = byteSize;
        this.floating = floating;
    }

    public boolean isFloatingPoint() {
        return floating;
    }

    public int byteSize() {
        return byteSize;
    }

    /** The name NumPy and PyTorch use ("float32", "int64", ...). */
    public String pyName() {
        return pyName;
    }

    /** PyTorch's type promotion for two tensor operands: bool < int32 < int64 < float32 < float64. */
    public static DType promote(DType a, DType b) {
        return a.ordinalRank() >= b.ordinalRank() ? a : b;
    }

    private int ordinalRank() {
        return switch (this) {
            case BOOL -> 0;
            case INT32 -> 1;
            case INT64 -> 2;
            case FLOAT32 -> 3;
            case FLOAT64 -> 4;
        };
    }

    public static DType fromName(String name) {
        for (DType d : values()) if (d.pyName.equals(name)) return d;
        throw new IllegalArgumentException("unknown dtype '" + name + "'; expected one of float32, float64, int32, int64, bool");
    }

    @Override
    public String toString() {
        return pyName;
    }
}
