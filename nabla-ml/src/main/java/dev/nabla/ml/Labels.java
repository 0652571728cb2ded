package dev.nabla.ml;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.Arrays;

/**
 * The sorted distinct labels of a classification target and their codes 0..k-1. Predictions are
 * returned in the dtype y had in fit, so int64 labels come back as int64.
 */
public record Labels(double[] classes, DType dtype) {
    /** Learns the classes of y; classifiers need at least two. */
    public static Labels fit(String owner, double[] y, DType dtype, int minClasses) {
        double[] classes = distinctSorted(y);
        if (classes.length < minClasses)
            throw new IllegalArgumentException(owner + ": needs samples of at least " + minClasses + " classes in y, but y contains only "
                    + (classes.length == 1 ? "one class: " + format(classes[0]) : classes.length + " classes: " + Arrays.toString(classes)));
        return new Labels(classes, dtype);
    }

    /** Class counts up to which {@link #distinctSorted} keeps a sorted list; more classes are found by sorting y. */
    private static final int FEW = 256;

    /**
     * The distinct values of y in ascending {@link Double#compare} order (as {@code sorted().distinct()}):
     * each value is looked up in the short sorted list of those seen so far, so the usual handful of classes
     * costs one binary search per change of label instead of sorting all of y.
     */
    private static double[] distinctSorted(double[] y) {
        double[] seen = new double[8];
        int k = 0;
        long previous = 0;
        for (int i = 0; i < y.length; i++) {
            double v = y[i];
            long bits = Double.doubleToRawLongBits(v); // equal bits: the same label (and -0.0 is not 0.0)
            if (i > 0 && bits == previous) continue;
            previous = bits;
            int at = Arrays.binarySearch(seen, 0, k, v);
            if (at >= 0) continue;
            if (k == FEW) return Arrays.stream(y).sorted().distinct().toArray();
            if (k == seen.length) seen = Arrays.copyOf(seen, 2 * k);
            at = -at - 1;
            System.arraycopy(seen, at, seen, at + 1, k - at);
            seen[at] = v;
            k++;
        }
        return Arrays.copyOf(seen, k);
    }

    public int size() {
        return classes.length;
    }

    /** The code of each label; a label not seen in fit is an error naming it. */
    public int[] encode(String owner, double[] y) {
        int[] codes = new int[y.length];
        if (classes.length == 2) {
            // the usual binary target, in a loop that stays cheap before the JIT has compiled it (a first fit):
            // labels compared by their bits, so -0.0 is not 0.0, as in the binary search below
            long c0 = Double.doubleToRawLongBits(classes[0]), c1 = Double.doubleToRawLongBits(classes[1]);
            for (int i = 0; i < y.length; i++) {
                long bits = Double.doubleToRawLongBits(y[i]);
                if (bits == c1) codes[i] = 1;
                else if (bits != c0) throw unseen(owner, y[i]);
            }
            return codes;
        }
        for (int i = 0; i < y.length; i++) {
            int k = Arrays.binarySearch(classes, y[i]);
            if (k < 0) throw unseen(owner, y[i]);
            codes[i] = k;
        }
        return codes;
    }

    private IllegalArgumentException unseen(String owner, double label) {
        return new IllegalArgumentException(owner + ": y contains previously unseen label " + format(label) + "; known labels: " + Arrays.toString(classes));
    }

    public Tensor decode(int[] codes) {
        double[] values = new double[codes.length];
        for (int i = 0; i < codes.length; i++) values[i] = classes[codes[i]];
        return Nabla.tensor(values, values.length).to(dtype);
    }

    public Tensor asTensor() {
        return Nabla.tensor(classes, classes.length).to(dtype);
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
