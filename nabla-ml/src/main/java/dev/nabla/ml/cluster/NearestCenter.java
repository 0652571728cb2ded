package dev.nabla.ml.cluster;

import dev.nabla.cpu.Gemm;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.metrics.Pairwise;

/**
 * The assignment step of k-means: each sample's nearest center, found as sklearn does by
 * argmin_c ‖c‖² − 2·x·c on GEMM over blocks of rows (‖x‖² is the same for every c, so it is skipped).
 * Blocks are spread over {@link Parallel}; each piece also sums its samples per cluster so Lloyd's
 * update needs no second pass.
 */
final class NearestCenter {
    /** Rows per GEMM block: a block's distances stay in cache. */
    private static final int BLOCK = 256;

    /** Per-cluster sums and counts of the samples assigned to each cluster. */
    record Sums(double[] sums, double[] counts) {}

    private NearestCenter() {}

    /** Writes each row's nearest center into labels; returns the per-cluster sums when wanted, else null. */
    static Sums assign(Matrix x, double[] centers, int k, int[] labels, boolean sums) {
        int n = x.rows(), d = x.cols();
        double[] cn = new double[k];
        for (int c = 0; c < k; c++) cn[c] = squaredNorm(centers, c * d, d);
        int blocks = (n + BLOCK - 1) / BLOCK;
        int pieces = Math.max(1, Math.min(Parallel.threads(), blocks));
        double[][] pieceSums = new double[pieces][], pieceCounts = new double[pieces][];
        double[] xs = x.data();
        Parallel.forRange(pieces, 1, (ps, pe) -> {
            double[] dots = new double[BLOCK * k];
            for (int p = ps; p < pe; p++) {
                double[] s = sums ? new double[k * d] : null, cnt = sums ? new double[k] : null;
                int b0 = (int) ((long) blocks * p / pieces), b1 = (int) ((long) blocks * (p + 1) / pieces);
                for (int b = b0; b < b1; b++) {
                    int r0 = b * BLOCK, rows = Math.min(BLOCK, n - r0);
                    Gemm.dgemm(false, true, rows, k, d, 1.0, xs, r0 * d, d, centers, 0, d, 0.0, dots, 0, k);
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
                        int i = r0 + r;
                        labels[i] = best;
                        if (sums) {
                            cnt[best]++;
                            for (int j = 0; j < d; j++) s[best * d + j] += xs[i * d + j];
                        }
                    }
                }
                pieceSums[p] = s;
                pieceCounts[p] = cnt;
            }
        });
        if (!sums) return null;
        double[] total = pieceSums[0], counts = pieceCounts[0];
        for (int p = 1; p < pieces; p++) {
            for (int i = 0; i < total.length; i++) total[i] += pieceSums[p][i];
            for (int c = 0; c < k; c++) counts[c] += pieceCounts[p][c];
        }
        return new Sums(total, counts);
    }

    static double squaredNorm(double[] a, int offset, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) s += a[offset + j] * a[offset + j];
        return s;
    }

    /** Σ ‖x_i − c_{label_i}‖², summed exactly (no GEMM cancellation), as sklearn's _inertia. */
    static double inertia(Matrix x, double[] centers, int[] labels) {
        int d = x.cols();
        double total = 0;
        for (int i = 0; i < x.rows(); i++) total += Pairwise.squaredDistance(x.data(), i * d, centers, labels[i] * d, d);
        return total;
    }
}
