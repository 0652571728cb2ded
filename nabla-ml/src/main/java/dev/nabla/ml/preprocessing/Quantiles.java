package dev.nabla.ml.preprocessing;

import java.util.Arrays;

/** NumPy's default percentile (linear interpolation between order statistics). */
final class Quantiles {
    private Quantiles() {}

    static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sortedPercentile(sorted, q);
    }

    static double sortedPercentile(double[] sorted, double q) {
        double pos = q / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
