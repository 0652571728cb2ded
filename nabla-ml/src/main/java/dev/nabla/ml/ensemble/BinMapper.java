package dev.nabla.ml.ensemble;

import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Matrix;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * sklearn's _BinMapper: per feature up to maxBins-1 thresholds (midpoints of the distinct values when
 * there are few, else the midpoint-method percentiles of a 200,000-row subsample), each value mapped
 * to the number of thresholds below it, NaN to the reserved bin 255. Binned X is one byte per value,
 * row-major: a histogram pass reads each sample's bins from one cache line.
 */
record BinMapper(double[][] thresholds) {
    static final int MISSING_BIN = 255;
    static final int SUBSAMPLE = 200_000;

    static BinMapper fit(Matrix m, int[] rows, int maxBins, SplittableRandom rng) {
        int[] use = rows;
        if (rows.length > SUBSAMPLE) {
            use = rows.clone();
            for (int i = 0; i < SUBSAMPLE; i++) {
                int j = i + rng.nextInt(use.length - i);
                int t = use[i];
                use[i] = use[j];
                use[j] = t;
            }
            use = Arrays.copyOf(use, SUBSAMPLE);
        }
        int[] sample = use;
        double[][] thresholds = new double[m.cols()][];
        Parallel.forRange(m.cols(), 1, (s, e) -> {
            // one buffer per thread, reused for its features
            double[] col = new double[sample.length];
            for (int f = s; f < e; f++) thresholds[f] = featureThresholds(m, sample, f, maxBins, col);
        });
        return new BinMapper(thresholds);
    }

    /** col: a buffer of rows.length values, overwritten. */
    private static double[] featureThresholds(Matrix m, int[] rows, int f, int maxBins, double[] col) {
        int n = 0;
        for (int r : rows) {
            double v = m.data()[r * m.cols() + f];
            if (!Double.isNaN(v)) col[n++] = v;
        }
        Arrays.sort(col, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) if (i == 0 || col[i] != col[i - 1]) distinct++;
        double[] t;
        if (distinct <= maxBins) {
            // midpoints between consecutive distinct values (each the first of its run, as np.unique keeps)
            t = new double[Math.max(0, distinct - 1)];
            double previous = n > 0 ? col[0] : 0;
            for (int i = 1, k = 0; i < n; i++) {
                if (col[i] == col[i - 1]) continue;
                t[k++] = (previous + col[i]) * 0.5;
                previous = col[i];
            }
        } else {
            t = new double[maxBins - 1];
            double step = 100.0 / maxBins;
            for (int i = 1; i < maxBins; i++) t[i - 1] = midpointPercentile(col, n, (i * step) / 100.0);
        }
        for (int i = 0; i < t.length; i++) t[i] = Math.min(t[i], Double.MAX_VALUE);
        return t;
    }

    /** numpy's percentile(method='midpoint'): the value at an integer virtual index, else the midpoint of its neighbours. */
    private static double midpointPercentile(double[] sorted, int length, double q) {
        double h = (length - 1) * q, lo = Math.floor(h), hi = Math.ceil(h);
        double index = 0.5 * (lo + hi);
        if (index % 1 == 0) return sorted[(int) index];
        double a = sorted[(int) lo], b = sorted[(int) lo + 1];
        return b - (b - a) * 0.5;
    }

    int features() {
        return thresholds.length;
    }

    /** Bins of non-missing values for feature f. */
    int nonMissingBins(int f) {
        return thresholds[f].length + 1;
    }

    /**
     * The given rows binned, row-major: out[r * features + f]. When missing is not null, missing[f] is set
     * for each feature with a NaN among the rows.
     */
    byte[] transform(Matrix m, int[] rows, boolean[] missing) {
        int n = rows.length, d = m.cols();
        double[][] padded = new double[d][];
        for (int f = 0; f < d; f++) padded[f] = padded(thresholds[f]);
        byte[] out = new byte[n * d];
        Parallel.forRange(n, 4096, (s, e) -> {
            boolean[] seen = new boolean[d];
            for (int r = s; r < e; r++) {
                int row = rows[r] * d;
                for (int f = 0; f < d; f++) {
                    double v = m.data()[row + f];
                    int b;
                    if (Double.isNaN(v)) {
                        b = MISSING_BIN;
                        seen[f] = true;
                    } else b = countBelow(padded[f], v);
                    out[r * d + f] = (byte) b;
                }
            }
            // only ever set to true, and read after the range joins
            if (missing != null) for (int f = 0; f < d; f++) if (seen[f]) missing[f] = true;
        });
        return out;
    }

    /** Thresholds padded with +inf to 256 entries, for {@link #countBelow}. */
    static double[] padded(double[] t) {
        double[] p = new double[PADDED];
        Arrays.fill(p, Double.POSITIVE_INFINITY);
        System.arraycopy(t, 0, p, 0, t.length);
        return p;
    }

    private static final int PADDED = 256;

    /**
     * How many of the (sorted, +inf-padded) thresholds lie strictly below v, so v <= t[b] exactly when
     * bin <= b. A fixed eight halvings whose steps do not branch on the data: the binary search's
     * mispredicted branches cost more than the search itself.
     */
    static int countBelow(double[] p, double v) {
        int lo = 0;
        lo += p[lo + 127] < v ? 128 : 0;
        lo += p[lo + 63] < v ? 64 : 0;
        lo += p[lo + 31] < v ? 32 : 0;
        lo += p[lo + 15] < v ? 16 : 0;
        lo += p[lo + 7] < v ? 8 : 0;
        lo += p[lo + 3] < v ? 4 : 0;
        lo += p[lo + 1] < v ? 2 : 0;
        lo += p[lo] < v ? 1 : 0;
        return lo;
    }
}
