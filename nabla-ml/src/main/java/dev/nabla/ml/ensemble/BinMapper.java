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
            for (int f = s; f < e; f++) thresholds[f] = featureThresholds(m, sample, f, maxBins);
        });
        return new BinMapper(thresholds);
    }

    private static double[] featureThresholds(Matrix m, int[] rows, int f, int maxBins) {
        double[] col = new double[rows.length];
        int n = 0;
        for (int r : rows) {
            double v = m.data()[r * m.cols() + f];
            if (!Double.isNaN(v)) col[n++] = v;
        }
        Arrays.sort(col, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) if (i == 0 || col[i] != col[i - 1]) col[distinct++] = col[i];
        double[] t;
        if (distinct <= maxBins) {
            t = new double[Math.max(0, distinct - 1)];
            for (int i = 0; i < t.length; i++) t[i] = (col[i] + col[i + 1]) * 0.5;
        } else {
            // percentiles need the full sorted column, not the distinct values: re-gather
            double[] all = new double[n];
            int k = 0;
            for (int r : rows) {
                double v = m.data()[r * m.cols() + f];
                if (!Double.isNaN(v)) all[k++] = v;
            }
            Arrays.sort(all);
            t = new double[maxBins - 1];
            double step = 100.0 / maxBins;
            for (int i = 1; i < maxBins; i++) t[i - 1] = midpointPercentile(all, (i * step) / 100.0);
        }
        for (int i = 0; i < t.length; i++) t[i] = Math.min(t[i], Double.MAX_VALUE);
        return t;
    }

    /** numpy's percentile(method='midpoint'): the value at an integer virtual index, else the midpoint of its neighbours. */
    private static double midpointPercentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q, lo = Math.floor(h), hi = Math.ceil(h);
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

    /** The given rows binned, row-major: out[r * features + f]. */
    byte[] transform(Matrix m, int[] rows) {
        int n = rows.length, d = m.cols();
        byte[] out = new byte[n * d];
        Parallel.forRange(n, 4096, (s, e) -> {
            for (int r = s; r < e; r++)
                for (int f = 0; f < d; f++) out[r * d + f] = (byte) bin(thresholds[f], m.data()[rows[r] * d + f]);
        });
        return out;
    }

    /** The number of thresholds strictly below v (so v <= t[b] exactly when bin <= b); NaN is the missing bin. */
    static int bin(double[] t, double v) {
        if (Double.isNaN(v)) return MISSING_BIN;
        int lo = 0, hi = t.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v <= t[mid]) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
