package dev.nabla.ml.metrics;

import dev.nabla.Tensor;
import java.util.Arrays;

/** The contingency table of two labelings: n_ij samples with true label i and predicted label j. */
record Contingency(long[][] table, long[] rowSums, long[] colSums, long n) {
    static Contingency of(String owner, Tensor labelsTrue, Tensor labelsPred) {
        double[] t = Counts.values(owner, "labels_true", labelsTrue), p = Counts.values(owner, "labels_pred", labelsPred);
        Counts.sameLength(owner, t, p);
        int[] a = codes(t), b = codes(p);
        int rows = count(a), cols = count(b);
        long[][] table = new long[rows][cols];
        long[] rs = new long[rows], cs = new long[cols];
        for (int i = 0; i < a.length; i++) {
            table[a[i]][b[i]]++;
            rs[a[i]]++;
            cs[b[i]]++;
        }
        return new Contingency(table, rs, cs, a.length);
    }

    int rows() {
        return rowSums.length;
    }

    int cols() {
        return colSums.length;
    }

    /** Each value's index among the sorted distinct values. */
    static int[] codes(double[] values) {
        double[] distinct = Arrays.stream(values).sorted().distinct().toArray();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) out[i] = Arrays.binarySearch(distinct, values[i]);
        return out;
    }

    static int count(int[] codes) {
        int max = -1;
        for (int c : codes) max = Math.max(max, c);
        return max + 1;
    }
}
