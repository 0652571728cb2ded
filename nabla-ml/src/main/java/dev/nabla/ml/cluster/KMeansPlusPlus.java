package dev.nabla.ml.cluster;

import dev.nabla.Generator;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.metrics.Pairwise;
import java.util.Arrays;

/**
 * sklearn's greedy k-means++ seeding: the first center is a uniform sample; each further center is
 * the best, by resulting potential (sum of squared distances to the closest center), of
 * 2 + ⌊ln k⌋ candidates drawn with probability proportional to the current squared distance.
 *
 * <p>One pass over X per center scores all candidates at once ({@link PointLanes}: candidates across
 * vector lanes), with the previous pick in the first lane folded into each row's closest distance on the
 * way, and keeps each candidate's potential per fixed row chunk ({@link Chunks}), summed in row order.
 * Those chunk sums double as the cumulative distribution the next candidates are drawn from, so beyond
 * the closest distances no per-row array is written, and the seeds do not depend on the thread count.
 */
final class KMeansPlusPlus {
    private KMeansPlusPlus() {}

    static double[] centers(Matrix x, int k, Generator rng) {
        int n = x.rows(), d = x.cols();
        int trials = 2 + (int) Math.log(k);
        double[] xs = x.data(), centers = new double[k * d];
        int first = rng.nextInt(n);
        System.arraycopy(xs, first * d, centers, 0, d);
        if (k == 1) return centers;
        Chunks chunks = Chunks.of(n);
        // closest[i]: squared distance of row i to the nearest center but the last one picked (prev), which
        // the next pass folds in; chunkSums: per chunk, the sum of the distances with prev folded in
        double[] closest = new double[n];
        Arrays.fill(closest, Double.POSITIVE_INFINITY);
        double[][] sums = new double[chunks.count()][1 + trials];
        int prev = first;
        score(x, new int[] {prev}, closest, sums, chunks);
        double[] chunkSums = column(sums, 0);
        int[] points = new int[1 + trials];
        for (int c = 1; c < k; c++) {
            double potential = Chunks.total(chunkSums);
            points[0] = prev;
            for (int t = 1; t <= trials; t++) points[t] = firstAtLeast(x, closest, prev, chunkSums, chunks, rng.nextDouble() * potential);
            score(x, points, closest, sums, chunks);
            int best = 1;
            double bestPotential = Chunks.total(column(sums, 1));
            for (int t = 2; t <= trials; t++) {
                double pot = Chunks.total(column(sums, t));
                if (pot < bestPotential) {
                    bestPotential = pot;
                    best = t;
                }
            }
            chunkSums = column(sums, best);
            prev = points[best];
            System.arraycopy(xs, prev * d, centers, c * d, d);
        }
        return centers;
    }

    /** Folds rows[0] into closest and sets sums[chunk][p] = the chunk's Σ min(closest, ‖x − x_rows[p]‖²). */
    private static void score(Matrix x, int[] rows, double[] closest, double[][] sums, Chunks chunks) {
        int d = x.cols(), m = rows.length;
        double[] xs = x.data(), points = new double[m * d];
        for (int p = 0; p < m; p++) System.arraycopy(xs, rows[p] * d, points, p * d, d);
        PointLanes lanes = new PointLanes(points, m, d);
        chunks.forEach(c -> lanes.fold(xs, chunks.start(c), chunks.end(c), closest, sums[c]));
    }

    private static double[] column(double[][] sums, int p) {
        double[] out = new double[sums.length];
        for (int c = 0; c < sums.length; c++) out[c] = sums[c][p];
        return out;
    }

    /**
     * numpy's searchsorted(cumsum(closest), value, side='left') clipped to the last index: the first i whose
     * cumulative sum reaches value. The cumulative sum is the chunk sums added in order, then the rows of
     * the chunk added one by one (each row's closest distance with prev folded in, as the scoring pass
     * computed it), so it rises monotonically and ends at the potential.
     */
    private static int firstAtLeast(Matrix x, double[] closest, int prev, double[] chunkSums, Chunks chunks, double value) {
        int d = x.cols();
        double[] xs = x.data();
        double base = 0;
        for (int c = 0; c < chunks.count(); c++) {
            double end = base + chunkSums[c];
            if (end >= value) {
                double s = 0;
                for (int i = chunks.start(c); i < chunks.end(c); i++) {
                    s += Math.min(closest[i], Pairwise.squaredDistance(xs, i * d, xs, prev * d, d));
                    if (base + s >= value) return i;
                }
                return chunks.end(c) - 1; // not reached: base + s ends at end
            }
            base = end;
        }
        return closest.length - 1;
    }
}
