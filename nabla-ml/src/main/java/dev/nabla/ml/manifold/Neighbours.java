package dev.nabla.ml.manifold;

import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.metrics.Pairwise;
import java.util.Arrays;

/**
 * Each sample's k nearest other samples, nearest first (ties by index), with squared Euclidean
 * distances. Distances are computed exactly, a block of rows at a time, so memory stays O(block·n).
 */
record Neighbours(int[][] index, double[][] squaredDistance) {
    private static final int BLOCK = 64;

    static Neighbours of(Matrix x, int k) {
        int n = x.rows(), d = x.cols();
        int[][] index = new int[n][];
        double[][] dist = new double[n][];
        double[] xs = x.data();
        Parallel.forRange((n + BLOCK - 1) / BLOCK, 1, (bs, be) -> {
            double[] row = new double[n];
            Integer[] order = new Integer[n];
            for (int b = bs; b < be; b++)
                for (int i = b * BLOCK; i < Math.min(n, (b + 1) * BLOCK); i++) {
                    for (int j = 0; j < n; j++) {
                        row[j] = j == i ? Double.POSITIVE_INFINITY : Pairwise.squaredDistance(xs, i * d, xs, j * d, d);
                        order[j] = j;
                    }
                    Arrays.sort(order, (p, q) -> Double.compare(row[p], row[q]));
                    index[i] = new int[k];
                    dist[i] = new double[k];
                    for (int t = 0; t < k; t++) {
                        index[i][t] = order[t];
                        dist[i][t] = row[order[t]];
                    }
                }
        });
        return new Neighbours(index, dist);
    }
}
