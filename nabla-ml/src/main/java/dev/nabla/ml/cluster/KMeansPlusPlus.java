package dev.nabla.ml.cluster;

import dev.nabla.Generator;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.metrics.Pairwise;

/**
 * sklearn's greedy k-means++ seeding: the first center is a uniform sample; each further center is
 * the best, by resulting potential (sum of squared distances to the closest center), of
 * 2 + ⌊ln k⌋ candidates drawn with probability proportional to the current squared distance.
 */
final class KMeansPlusPlus {
    private KMeansPlusPlus() {}

    static double[] centers(Matrix x, int k, Generator rng) {
        int n = x.rows(), d = x.cols();
        int trials = 2 + (int) Math.log(k);
        double[] xs = x.data(), centers = new double[k * d];
        int first = rng.nextInt(n);
        System.arraycopy(xs, first * d, centers, 0, d);
        double[] closest = distancesTo(x, first);
        double potential = sum(closest);
        for (int c = 1; c < k; c++) {
            double[] cumulative = cumulativeSum(closest);
            double[] best = null;
            double bestPotential = Double.POSITIVE_INFINITY;
            int bestId = -1;
            for (int t = 0; t < trials; t++) {
                int candidate = firstAtLeast(cumulative, rng.nextDouble() * potential);
                double[] dist = distancesTo(x, candidate);
                for (int i = 0; i < n; i++) dist[i] = Math.min(dist[i], closest[i]);
                double pot = sum(dist);
                if (pot < bestPotential) {
                    bestPotential = pot;
                    best = dist;
                    bestId = candidate;
                }
            }
            closest = best;
            potential = bestPotential;
            System.arraycopy(xs, bestId * d, centers, c * d, d);
        }
        return centers;
    }

    /** Squared distances of every row to row {@code row}. */
    private static double[] distancesTo(Matrix x, int row) {
        int n = x.rows(), d = x.cols();
        double[] xs = x.data(), out = new double[n];
        Parallel.forRange(n, Math.max(1, (1 << 14) / d), (s, e) -> {
            for (int i = s; i < e; i++) out[i] = Pairwise.squaredDistance(xs, i * d, xs, row * d, d);
        });
        return out;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }

    private static double[] cumulativeSum(double[] v) {
        double[] out = new double[v.length];
        double s = 0;
        for (int i = 0; i < v.length; i++) out[i] = s += v[i];
        return out;
    }

    /** numpy's searchsorted(side='left') clipped to the last index: the first i with cumulative[i] >= value. */
    private static int firstAtLeast(double[] cumulative, double value) {
        int lo = 0, hi = cumulative.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return Math.min(lo, cumulative.length - 1);
    }
}
