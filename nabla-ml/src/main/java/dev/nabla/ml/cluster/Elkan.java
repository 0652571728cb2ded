package dev.nabla.ml.cluster;

import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.metrics.Pairwise;
import java.util.Arrays;

/**
 * Elkan's exact k-means: the same iterations as Lloyd, but per-sample upper and per-center lower
 * distance bounds plus the triangle inequality skip most distance computations once centers settle.
 * Mirrors sklearn's _k_means_elkan step by step, so labels and stopping match Lloyd's.
 */
final class Elkan {
    private Elkan() {}

    static KMeansRun run(Matrix x, double[] init, int k, int maxIter, double tol) {
        int n = x.rows(), d = x.cols();
        double[] centers = init.clone();
        double[] half = halfDistances(centers, k, d), next = nextCenter(half, k);
        int[] labels = new int[n], old = new int[n];
        double[] upper = new double[n], lower = new double[n * k];
        initBounds(x, centers, k, half, labels, upper, lower);
        Arrays.fill(old, -1);
        boolean strict = false;
        int iter = 0;
        while (iter < maxIter) {
            iter++;
            double[][] sums = step(x, centers, k, half, next, labels, upper, lower, true);
            CenterUpdate.means(x, centers, labels, sums[0], sums[1]);
            double[] moved = CenterUpdate.shifts(centers, sums[0], k, d);
            double shift = CenterUpdate.shift(centers, sums[0]);
            centers = sums[0];
            for (int i = 0; i < n; i++) {
                upper[i] += moved[labels[i]];
                for (int c = 0; c < k; c++) lower[i * k + c] = Math.max(0, lower[i * k + c] - moved[c]);
            }
            half = halfDistances(centers, k, d);
            next = nextCenter(half, k);
            if (CenterUpdate.same(labels, old)) {
                strict = true;
                break;
            }
            if (shift <= tol) break;
            System.arraycopy(labels, 0, old, 0, n);
        }
        if (!strict) step(x, centers, k, half, next, labels, upper, lower, false);
        return new KMeansRun(centers, labels, NearestCenter.inertia(x, centers, labels), iter);
    }

    /** Half the distance between every pair of centers. */
    private static double[] halfDistances(double[] centers, int k, int d) {
        double[] half = new double[k * k];
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++) half[a * k + b] = Math.sqrt(Pairwise.squaredDistance(centers, a * d, centers, b * d, d)) / 2;
        return half;
    }

    /** For each center, half the distance to its nearest other center. */
    private static double[] nextCenter(double[] half, int k) {
        double[] next = new double[k];
        for (int a = 0; a < k; a++) {
            double m = Double.POSITIVE_INFINITY;
            for (int b = 0; b < k; b++) if (b != a) m = Math.min(m, half[a * k + b]);
            next[a] = k == 1 ? 0 : m;
        }
        return next;
    }

    private static void initBounds(Matrix x, double[] centers, int k, double[] half, int[] labels, double[] upper, double[] lower) {
        int d = x.cols();
        double[] xs = x.data();
        Parallel.forRange(x.rows(), 256, (s, e) -> {
            for (int i = s; i < e; i++) {
                int best = 0;
                double min = dist(xs, i, centers, 0, d);
                lower[i * k] = min;
                for (int c = 1; c < k; c++) {
                    if (min > half[best * k + c]) {
                        double dc = dist(xs, i, centers, c, d);
                        lower[i * k + c] = dc;
                        if (dc < min) {
                            min = dc;
                            best = c;
                        }
                    }
                }
                labels[i] = best;
                upper[i] = min;
            }
        });
    }

    /** One bounded assignment pass; with sums, returns {per-cluster sums, counts} of the new labels. */
    private static double[][] step(Matrix x, double[] centers, int k, double[] half, double[] next, int[] labels, double[] upper,
                                   double[] lower, boolean sums) {
        int d = x.cols();
        double[] xs = x.data();
        Chunks chunks = Chunks.of(x.rows());
        double[][] chunkSums = new double[chunks.count()][], chunkCounts = new double[chunks.count()][];
        chunks.forEach(p -> {
            double[] s = new double[k * d], cnt = new double[k];
            for (int i = chunks.start(p); i < chunks.end(p); i++) {
                int label = labels[i];
                double u = upper[i];
                if (!(next[label] >= u)) {
                    boolean tight = false;
                    for (int c = 0; c < k; c++) {
                        if (c == label || !(u > lower[i * k + c]) || !(u > half[label * k + c])) continue;
                        if (!tight) {
                            u = dist(xs, i, centers, label, d);
                            lower[i * k + label] = u;
                            tight = true;
                        }
                        if (u > lower[i * k + c] || u > half[label * k + c]) {
                            double dc = dist(xs, i, centers, c, d);
                            lower[i * k + c] = dc;
                            if (dc < u) {
                                label = c;
                                u = dc;
                            }
                        }
                    }
                    labels[i] = label;
                    upper[i] = u;
                }
                cnt[label]++;
                for (int j = 0; j < d; j++) s[label * d + j] += xs[i * d + j];
            }
            chunkSums[p] = s;
            chunkCounts[p] = cnt;
        });
        if (!sums) return null;
        for (int p = 1; p < chunks.count(); p++) {
            for (int i = 0; i < k * d; i++) chunkSums[0][i] += chunkSums[p][i];
            for (int c = 0; c < k; c++) chunkCounts[0][c] += chunkCounts[p][c];
        }
        return new double[][] {chunkSums[0], chunkCounts[0]};
    }

    private static double dist(double[] xs, int i, double[] centers, int c, int d) {
        return Math.sqrt(Pairwise.squaredDistance(xs, i * d, centers, c * d, d));
    }
}
