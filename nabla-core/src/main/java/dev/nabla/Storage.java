package dev.nabla;

/**
 * The flat array behind one or more tensors (views share it). The version counter is bumped by every
 * in-place write, so autograd can refuse to use a saved tensor that changed after it was saved.
 */
public final class Storage {
    private final Object array;
    private final DType dtype;
    private int version;

    private Storage(Object array, DType dtype) {
        this.array = array;
        this.dtype = dtype;
    }

    public static Storage allocate(DType dtype, int n) {
        return new Storage(switch (dtype) {
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
            case INT32 -> new int[n];
            case INT64 -> new long[n];
            case BOOL -> new boolean[n];
        }, dtype);
    }

    public static Storage of(float[] a) { return new Storage(a, DType.FLOAT32); }
    public static Storage of(double[] a) { return new Storage(a, DType.FLOAT64); }
    public static Storage of(int[] a) { return new Storage(a, DType.INT32); }
    public static Storage of(long[] a) { return new Storage(a, DType.INT64); }
    public static Storage of(boolean[] a) { return new Storage(a, DType.BOOL); }

    public DType dtype() { return dtype; }

    /** The backing Java array (float[], double[], int[], long[] or boolean[]), for bulk copies. */
    public Object array() { return array; }
    public float[] floats() { return (float[]) array; }
    public double[] doubles() { return (double[]) array; }
    public int[] ints() { return (int[]) array; }
    public long[] longs() { return (long[]) array; }
    public boolean[] bools() { return (boolean[]) array; }

    public int length() {
        return switch (dtype) {
            case FLOAT32 -> floats().length;
            case FLOAT64 -> doubles().length;
            case INT32 -> ints().length;
            case INT64 -> longs().length;
            case BOOL -> bools().length;
        };
    }

    /** Reads element i as a double, whatever the dtype (slow path: conversions, printing, tests). */
    public double getDouble(int i) {
        return switch (dtype) {
            case FLOAT32 -> floats()[i];
            case FLOAT64 -> doubles()[i];
            case INT32 -> ints()[i];
            case INT64 -> longs()[i];
            case BOOL -> bools()[i] ? 1 : 0;
        };
    }

    /** Reads element i as a long (exact for the integer dtypes). */
    public long getLong(int i) {
        return switch (dtype) {
            case FLOAT32 -> (long) floats()[i];
            case FLOAT64 -> (long) doubles()[i];
            case INT32 -> ints()[i];
            case INT64 -> longs()[i];
            case BOOL -> bools()[i] ? 1 : 0;
        };
    }

    /** Writes element i from a double, converting like a C cast (bool: non-zero is true). */
    public void setDouble(int i, double v) {
        switch (dtype) {
            case FLOAT32 -> floats()[i] = (float) v;
            case FLOAT64 -> doubles()[i] = v;
            case INT32 -> ints()[i] = (int) v;
            case INT64 -> longs()[i] = (long) v;
            case BOOL -> bools()[i] = v != 0;
        }
    }

    public void setLong(int i, long v) {
        switch (dtype) {
            case FLOAT32 -> floats()[i] = v;
            case FLOAT64 -> doubles()[i] = v;
            case INT32 -> ints()[i] = (int) v;
            case INT64 -> longs()[i] = v;
            case BOOL -> bools()[i] = v != 0;
        }
    }

    public int version() { return version; }

    void bumpVersion() { version++; }
}
