package dev.nabla.ml.cluster;

import dev.nabla.cpu.Gemm;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.metrics.Pairwise;

/**
 * The assignment step of k-means: each sample's nearest center. With few centers of few features the
 * exact squared distances to all centers come from {@link PointLanes} (centers across vector lanes); larger
 * problems take sklearn's route, argmin_c ‖c‖² − 2·x·c on GEMM over blocks of rows (‖x‖² is the same for
 * every c, so it is skipped). Rows go in fixed {@link Chunks}; each chunk also sums its samples per
 * cluster, so Lloyd's update needs no second pass and the sums do not depend on the thread count.
 */
final class NearestCenter {
    /** Rows per GEMM block: a block's distances stay in cache. */
    private static final int BLOCK = 256;
    /** Up to this many center coordinates (k·d), the lane kernel beats GEMM. */
    private static final int LANES_MAX_WORK = 512;

    /**
     * Per-cluster sums and counts of the samples assigned to each cluster (null unless asked for), how many
     * labels changed, and the inertia: Σ of each sample's squared distance to its center, as {@link #inertia}.
     */
    record Sums(double[] sums, double[] counts, long changed, double inertia) {}

    private NearestCenter() {}

    /**
     * Writes each row's nearest center into labels; returns the per-cluster sums when wanted, the inertia,
     * and how many rows got a label different from the one labels held before.
     */
    static Sums assign(Matrix x, double[] centers, int k, int[] labels, boolean sums) {
        int d = x.cols();
        double[] xs = x.data();
        Chunks chunks = Chunks.of(x.rows());
        PointLanes.Tally[] tallies = new PointLanes.Tally[chunks.count()];
        if ((long) k * d <= LANES_MAX_WORK) {
            PointLanes lanes = new PointLanes(centers, k, d);
            chunks.forEach(c -> {
                tallies[c] = new PointLanes.Tally(k, d, sums);
                lanes.nearest(xs, chunks.start(c), chunks.end(c), labels, tallies[c]);
            });
        } else {
            double[] cn = new double[k];
            for (int c = 0; c < k; c++) cn[c] = squaredNorm(centers, c * d, d);
            chunks.forEach(c -> {
                tallies[c] = new PointLanes.Tally(k, d, sums);
                gemmChunk(xs, d, centers, cn, k, chunks.start(c), chunks.end(c), labels, tallies[c]);
            });
        }
        long changed = 0;
        double inertia = 0;
        for (PointLanes.Tally t : tallies) {
            changed += t.changed;
            inertia += t.distance;
        }
        if (!sums) return new Sums(null, null, changed, inertia);
        double[] all = tallies[0].sums, counts = tallies[0].counts;
        for (int c = 1; c < chunks.count(); c++) {
            for (int i = 0; i < all.length; i++) all[i] += tallies[c].sums[i];
            for (int i = 0; i < k; i++) counts[i] += tallies[c].counts[i];
        }
        return new Sums(all, counts, changed, inertia);
    }

    /**
     * Labels rows [r0, r1) by argmin_c ‖c‖² − 2·x·c, a GEMM block at a time, tallied as {@link PointLanes#nearest}
     * (with the exact distance to the chosen center).
     */
    private static void gemmChunk(double[] xs, int d, double[] centers, double[] cn, int k, int r0, int r1, int[] labels,
                                  PointLanes.Tally tally) {
        double[] dots = new double[BLOCK * k];
        for (int b0 = r0; b0 < r1; b0 += BLOCK) {
            int rows = Math.min(BLOCK, r1 - b0);
            Gemm.dgemm(false, true, rows, k, d, 1.0, xs, b0 * d, d, centers, 0, d, 0.0, dots, 0, k);
            for (int r = 0; r < rows; r++) {
                int best = 0;
                double bestDist = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double dist = cn[c] - 2 * dots[r * k + c];
                    if (dist < bestDist) {
                        bestDist = dist;
                        best = c;
                    }
                }
                int i = b0 + r;
                tally.add(xs, d, i, best, Pairwise.squaredDistance(xs, i * d, centers, best * d, d), labels);
            }
        }
    }

    static double squaredNorm(double[] a, int offset, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) s += a[offset + j] * a[offset + j];
        return s;
    }

    /** Σ ‖x_i − c_{label_i}‖², summed exactly (no GEMM cancellation), as sklearn's _inertia. */
    static double inertia(Matrix x, double[] centers, int[] labels) {
        int d = x.cols();
        double[] xs = x.data();
        Chunks chunks = Chunks.of(x.rows());
        double[] parts = new double[chunks.count()];
        chunks.forEach(c -> {
            double total = 0;
            for (int i = chunks.start(c); i < chunks.end(c); i++) total += Pairwise.squaredDistance(xs, i * d, centers, labels[i] * d, d);
            parts[c] = total;
        });
        return Chunks.total(parts);
    }
}
