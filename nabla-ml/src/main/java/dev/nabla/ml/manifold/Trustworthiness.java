package dev.nabla.ml.manifold;

import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.Validation;
import dev.nabla.ml.metrics.Pairwise;
import java.util.Arrays;

/**
 * sklearn.manifold.trustworthiness: how far an embedding keeps neighbourhoods. Every sample's k
 * nearest neighbours in the embedding are penalised by how far beyond rank k they sit in the original
 * space; 1 means all embedded neighbours are true neighbours. Euclidean distances in both spaces.
 */
public final class Trustworthiness {
    private Trustworthiness() {}

    public static double of(Tensor x, Tensor embedded, int nNeighbors) {
        String owner = "trustworthiness";
        Matrix a = Validation.features(owner, x), b = Validation.features(owner, embedded);
        int n = a.rows(), k = nNeighbors;
        if (b.rows() != n) throw new IllegalArgumentException(owner + ": X has " + n + " samples but the embedding has " + b.rows());
        if (k < 1 || k >= n / 2.0)
            throw new IllegalArgumentException(owner + ": nNeighbors (" + k + ") should be at least 1 and less than n_samples / 2 (" + n / 2.0 + ")");
        int[][] embeddedNeighbours = Neighbours.of(b, k).index();
        long[] penalty = new long[n];
        int d = a.cols();
        double[] xs = a.data();
        Parallel.forRange(n, 16, (s, e) -> {
            double[] row = new double[n];
            Integer[] order = new Integer[n];
            int[] rank = new int[n];
            for (int i = s; i < e; i++) {
                for (int j = 0; j < n; j++) {
                    row[j] = j == i ? Double.POSITIVE_INFINITY : Math.sqrt(Pairwise.squaredDistance(xs, i * d, xs, j * d, d));
                    order[j] = j;
                }
                Arrays.sort(order, (p, q) -> Double.compare(row[p], row[q]));
                for (int r = 0; r < n; r++) rank[order[r]] = r + 1;
                long sum = 0;
                for (int j : embeddedNeighbours[i]) sum += Math.max(0, rank[j] - k);
                penalty[i] = sum;
            }
        });
        long t = 0;
        for (long v : penalty) t += v;
        return 1.0 - t * (2.0 / (n * k * (2.0 * n - 3.0 * k - 1.0)));
    }
}
