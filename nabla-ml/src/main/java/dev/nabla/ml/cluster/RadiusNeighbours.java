package dev.nabla.ml.cluster;

import dev.nabla.cpu.Gemm;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.linalg.Products;
import dev.nabla.ml.metrics.Pairwise;
import java.util.Arrays;

/**
 * For every sample, the samples within distance eps (itself included), ascending. Blocks of rows
 * against all rows on GEMM give candidate distances; a pair near the threshold is re-checked with
 * the exact sum of squared differences, so the ≤ eps decision is the exact one a tree search makes.
 */
final class RadiusNeighbours {
    private static final int BLOCK = 128;

    private RadiusNeighbours() {}

    static int[][] of(Matrix x, double eps) {
        int n = x.rows(), d = x.cols();
        double[] xs = x.data(), norms = Products.rowSquaredNorms(x);
        double maxNorm = 0;
        for (double v : norms) maxNorm = Math.max(maxNorm, v);
        double eps2 = eps * eps;
        // GEMM rounding is at most a few ulps of the norms involved; beyond this margin a decision is safe
        double margin = 64 * Math.ulp(1.0) * (2 * maxNorm + eps2) * Math.max(1, d);
        int[][] out = new int[n][];
        int blocks = (n + BLOCK - 1) / BLOCK;
        Parallel.forRange(blocks, 1, (bs, be) -> {
            double[] dots = new double[BLOCK * n];
            int[] found = new int[n];
            for (int b = bs; b < be; b++) {
                int r0 = b * BLOCK, rows = Math.min(BLOCK, n - r0);
                Gemm.dgemm(false, true, rows, n, d, 1.0, xs, r0 * d, d, xs, 0, d, 0.0, dots, 0, n);
                for (int r = 0; r < rows; r++) {
                    int i = r0 + r, count = 0;
                    for (int j = 0; j < n; j++) {
                        double d2 = norms[i] - 2 * dots[r * n + j] + norms[j];
                        if (d2 > eps2 + margin) continue;
                        if (d2 >= eps2 - margin && Pairwise.squaredDistance(xs, i * d, xs, j * d, d) > eps2) continue;
                        found[count++] = j;
                    }
                    out[i] = Arrays.copyOf(found, count);
                }
            }
        });
        return out;
    }
}
