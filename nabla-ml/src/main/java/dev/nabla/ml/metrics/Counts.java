package dev.nabla.ml.metrics;

import dev.nabla.Tensor;
import java.util.Arrays;
import java.util.stream.DoubleStream;

/** Per-class true-positive / predicted / true counts over the sorted union of labels in y_true and y_pred. */
record Counts(double[] labels, long[][] confusion) {
    static Counts of(String metric, Tensor yTrue, Tensor yPred) {
        double[] t = values(metric, "y_true", yTrue), p = values(metric, "y_pred", yPred);
        sameLength(metric, t, p);
        double[] labels = DoubleStream.concat(Arrays.stream(t), Arrays.stream(p)).sorted().distinct().toArray();
        long[][] c = new long[labels.length][labels.length];
        for (int i = 0; i < t.length; i++) c[Arrays.binarySearch(labels, t[i])][Arrays.binarySearch(labels, p[i])]++;
        return new Counts(labels, c);
    }

    long truePositives(int k) {
        return confusion[k][k];
    }

    long support(int k) {
        return Arrays.stream(confusion[k]).sum();
    }

    long predicted(int k) {
        long s = 0;
        for (long[] row : confusion) s += row[k];
        return s;
    }

    long total() {
        long s = 0;
        for (int k = 0; k < labels.length; k++) s += support(k);
        return s;
    }

    static double[] values(String metric, String what, Tensor t) {
        if (t == null) throw new IllegalArgumentException(metric + ": " + what + " must not be null");
        if (t.dim() != 1) throw new IllegalArgumentException(metric + ": expected a 1-D " + what + ", got shape " + Arrays.toString(t.shape()));
        if (t.numel() == 0) throw new IllegalArgumentException(metric + ": " + what + " is empty");
        double[] v = t.toDoubleArray();
        for (double x : v)
            if (!Double.isFinite(x)) throw new IllegalArgumentException(metric + ": " + what + " contains " + x + "; expected finite values");
        return v;
    }

    static void sameLength(String metric, double[] t, double[] p) {
        if (t.length != p.length)
            throw new IllegalArgumentException(metric + ": y_true has " + t.length + " values but the prediction has " + p.length + "; they must match");
    }
}
