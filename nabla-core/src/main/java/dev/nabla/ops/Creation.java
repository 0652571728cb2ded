package dev.nabla.ops;

import dev.nabla.DType;
import dev.nabla.Generator;
import dev.nabla.Shapes;
import dev.nabla.Storage;
import dev.nabla.Tensor;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/** Tensor factories: constants, ranges, random draws, Java arrays. */
public final class Creation {
    private Creation() {}

    public static Tensor fromArray(Storage storage, int length, int[] shape) {
        int[] s = shape.length == 0 ? new int[] {length} : shape;
        if (Shapes.numel(s) != length)
            throw new IllegalArgumentException("tensor: " + length + " values do not fill shape " + Shapes.str(s) + " (" + Shapes.numel(s) + " elements)");
        return Tensor.of(storage, s);
    }

    public static Tensor fromNested(Object nested) {
        if (nested == null || !nested.getClass().isArray())
            throw new IllegalArgumentException("tensor: expected a (nested) Java array, got " + (nested == null ? "null" : nested.getClass().getSimpleName()));
        List<Integer> dims = new ArrayList<>();
        Object level = nested;
        Class<?> leaf = nested.getClass();
        while (level != null && level.getClass().isArray()) {
            dims.add(Array.getLength(level));
            leaf = level.getClass().getComponentType();
            level = Array.getLength(level) > 0 ? Array.get(level, 0) : null;
            if (!leaf.isArray()) break;
        }
        while (leaf.isArray()) leaf = leaf.getComponentType();
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        DType dtype = leaf == float.class ? DType.FLOAT32 : leaf == double.class ? DType.FLOAT64 : leaf == int.class ? DType.INT32
                : leaf == long.class ? DType.INT64 : leaf == boolean.class ? DType.BOOL : null;
        if (dtype == null) throw new IllegalArgumentException("tensor: unsupported element type " + leaf + "; use float, double, int, long or boolean arrays");
        Tensor t = Tensor.empty(dtype, shape);
        int[] pos = {0};
        fill(nested, 0, shape, t.storage(), pos);
        return t;
    }

    private static void fill(Object arr, int depth, int[] shape, Storage s, int[] pos) {
        int n = Array.getLength(arr);
        if (n != shape[depth])
            throw new IllegalArgumentException("tensor: ragged nested array: expected length " + shape[depth] + " at depth " + depth + ", found " + n);
        if (depth == shape.length - 1) {
            System.arraycopy(arr, 0, s.array(), pos[0], n);
            pos[0] += n;
        } else {
            for (int i = 0; i < n; i++) fill(Array.get(arr, i), depth + 1, shape, s, pos);
        }
    }


    public static Tensor full(double value, DType dtype, int[] shape) {
        Tensor t = Tensor.empty(dtype, shape);
        if (value == 0) return t;
        Storage s = t.storage();
        switch (dtype) {
            case FLOAT32 -> java.util.Arrays.fill(s.floats(), (float) value);
            case FLOAT64 -> java.util.Arrays.fill(s.doubles(), value);
            case INT32 -> java.util.Arrays.fill(s.ints(), (int) value);
            case INT64 -> java.util.Arrays.fill(s.longs(), (long) value);
            case BOOL -> java.util.Arrays.fill(s.bools(), value != 0);
        }
        return t;
    }

    public static Tensor arange(int start, int end, int step) {
        if (step == 0) throw new IllegalArgumentException("arange: step must be non-zero");
        int n = Math.max(0, (int) Math.ceil((double) (end - start) / step));
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = start + (long) i * step;
        return Tensor.of(Storage.of(v), n);
    }

    public static Tensor arange(double start, double end, double step) {
        if (step == 0) throw new IllegalArgumentException("arange: step must be non-zero");
        int n = Math.max(0, (int) Math.ceil((end - start) / step));
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (start + i * step);
        return Tensor.of(Storage.of(v), n);
    }

    public static Tensor linspace(double start, double end, int steps) {
        if (steps < 0) throw new IllegalArgumentException("linspace: steps must be non-negative, got " + steps);
        float[] v = new float[steps];
        double d = steps > 1 ? (end - start) / (steps - 1) : 0;
        // fill from both ends, as PyTorch does, so the last value is exactly end
        for (int i = 0; i < steps; i++) v[i] = (float) (i < steps / 2 ? start + i * d : end - (steps - 1 - i) * d);
        return Tensor.of(Storage.of(v), steps);
    }

    public static Tensor eye(int n, int m) {
        Tensor t = Tensor.empty(DType.FLOAT32, n, m);
        float[] v = t.storage().floats();
        for (int i = 0; i < Math.min(n, m); i++) v[i * m + i] = 1;
        return t;
    }

    public static Tensor rand(Generator g, int[] shape) {
        Tensor t = Tensor.empty(DType.FLOAT32, shape);
        float[] v = t.storage().floats();
        for (int i = 0; i < v.length; i++) v[i] = g.nextFloat();
        return t;
    }

    public static Tensor randn(Generator g, int[] shape) {
        Tensor t = Tensor.empty(DType.FLOAT32, shape);
        float[] v = t.storage().floats();
        for (int i = 0; i < v.length; i++) v[i] = (float) g.nextGaussian();
        return t;
    }

    public static Tensor randint(Generator g, int low, int high, int[] shape) {
        if (high <= low) throw new IllegalArgumentException("randint: high " + high + " must be greater than low " + low);
        Tensor t = Tensor.empty(DType.INT64, shape);
        long[] v = t.storage().longs();
        for (int i = 0; i < v.length; i++) v[i] = g.nextInt(low, high);
        return t;
    }

    public static Tensor bernoulli(Generator g, Tensor p) {
        double[] ps = p.toDoubleArray();
        DType dt = p.dtype().isFloatingPoint() ? p.dtype() : DType.FLOAT32;
        Tensor t = Tensor.empty(dt, p.shape());
        for (int i = 0; i < ps.length; i++) {
            if (!(ps[i] >= 0 && ps[i] <= 1)) throw new IllegalArgumentException("bernoulli: probabilities must be in [0, 1], got " + ps[i] + " at element " + i);
            t.storage().setDouble(i, g.nextDouble() < ps[i] ? 1 : 0);
        }
        return t;
    }

    public static Tensor randperm(Generator g, int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = g.nextInt(i + 1);
            long tmp = v[i];
            v[i] = v[j];
            v[j] = tmp;
        }
        return Tensor.of(Storage.of(v), n);
    }
}
