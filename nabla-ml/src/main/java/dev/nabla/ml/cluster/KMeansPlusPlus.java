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
        int m = 1 + trials;
        // closest[i]: squared distance of row i to the nearest center but the last one picked (prev), which
        // the next pass folds in; prefix[chunk]: per segment of the chunk and per point of the last pass,
        // the running sum of the distances with that point folded in
        double[] closest = new double[n];
        Arrays.fill(closest, Double.POSITIVE_INFINITY);
        double[][] prefix = new double[chunks.count()][];
        for (int c = 0; c < chunks.count(); c++) prefix[c] = new double[PointLanes.segments(chunks.end(c) - chunks.start(c)) * m];
        int prev = first;
        score(x, new int[] {prev}, closest, prefix, chunks);
        Sums kept = new Sums(prefix, chunks, 1, 0);
        int[] points = new int[m];
        for (int c = 1; c < k; c++) {
            double potential = kept.total();
            points[0] = prev;
            for (int t = 1; t <= trials; t++) points[t] = kept.firstAtLeast(x, closest, prev, rng.nextDouble() * potential);
            score(x, points, closest, prefix, chunks);
            int best = 1;
            double bestPotential = new Sums(prefix, chunks, m, 1).total();
            for (int t = 2; t <= trials; t++) {
                double pot = new Sums(prefix, chunks, m, t).total();
                if (pot < bestPotential) {
                    bestPotential = pot;
                    best = t;
                }
            }
            kept = new Sums(prefix, chunks, m, best);
            prev = points[best];
            System.arraycopy(xs, prev * d, centers, c * d, d);
        }
        return centers;
    }

    /** Folds rows[0] into closest and records each point's running sums per chunk segment in prefix. */
    private static void score(Matrix x, int[] rows, double[] closest, double[][] prefix, Chunks chunks) {
        int d = x.cols(), m = rows.length;
        double[] xs = x.data(), points = new double[m * d];
        for (int p = 0; p < m; p++) System.arraycopy(xs, rows[p] * d, points, p * d, d);
        PointLanes lanes = new PointLanes(points, m, d);
        chunks.forEach(c -> lanes.fold(xs, chunks.start(c), chunks.end(c), closest, prefix[c]));
    }

    /**
     * One point's running sums from a scoring pass (point p of m, per chunk and segment), read before the
     * next pass overwrites them. The cumulative distribution they describe: the chunk sums added in order,
     * then within a chunk the rows added one by one, the scoring pass's own running sum.
     */
    private record Sums(double[][] prefix, Chunks chunks, int m, int p) {
        double chunk(int c) {
            return prefix[c][(PointLanes.segments(chunks.end(c) - chunks.start(c)) - 1) * m + p];
        }

        /** The potential: the chunk sums added in order. */
        double total() {
            double s = 0;
            for (int c = 0; c < chunks.count(); c++) s += chunk(c);
            return s;
        }

        /**
         * numpy's searchsorted(cumsum(closest), value, side='left') clipped to the last index: the first row
         * whose cumulative sum reaches value, the sum being each row's closest distance with prev folded in,
         * as the scoring pass computed it. The chunk and segment sums say where to look; the scan continues
         * the segment's running sum from the one before, so it adds exactly as the pass did.
         */
        int firstAtLeast(Matrix x, double[] closest, int prev, double value) {
            int d = x.cols();
            double[] xs = x.data();
            double base = 0;
            for (int c = 0; c < chunks.count(); c++) {
                double end = base + chunk(c);
                if (end >= value) {
                    double[] run = prefix[c];
                    int seg = 0;
                    while (base + run[seg * m + p] < value) seg++;
                    double s = seg == 0 ? 0 : run[(seg - 1) * m + p];
                    int r0 = chunks.start(c) + seg * PointLanes.SEGMENT, r1 = Math.min(chunks.end(c), r0 + PointLanes.SEGMENT);
                    for (int i = r0; i < r1; i++) {
                        s += Math.min(closest[i], Pairwise.squaredDistance(xs, i * d, xs, prev * d, d));
                        if (base + s >= value) return i;
                    }
                    return r1 - 1; // not reached: base + s ends at the segment's sum
                }
                base = end;
            }
            return closest.length - 1;
        }
    }
}
