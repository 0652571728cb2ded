package dev.nabla.ml.cluster;

import dev.nabla.ml.Matrix;
import dev.nabla.ml.metrics.Pairwise;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** The k-means update step shared by Lloyd and Elkan: sums to means, empty clusters relocated as sklearn does. */
final class CenterUpdate {
    private CenterUpdate() {}

    /**
     * Turns per-cluster sums into means in place. An empty cluster takes the sample farthest from its
     * (old) center, the next empty one the next farthest, and that sample leaves its old cluster's sum:
     * sklearn's _relocate_empty_clusters_dense.
     */
    static void means(Matrix x, double[] oldCenters, int[] labels, double[] sums, double[] counts) {
        int k = counts.length, d = x.cols();
        int[] empty = IntStream.range(0, k).filter(c -> counts[c] == 0).toArray();
        if (empty.length > 0) {
            double[] xs = x.data();
            double[] dist = new double[x.rows()];
            for (int i = 0; i < dist.length; i++) dist[i] = Pairwise.squaredDistance(xs, i * d, oldCenters, labels[i] * d, d);
            Integer[] far = IntStream.range(0, dist.length).boxed().sorted(Comparator.comparingDouble((Integer i) -> -dist[i])).limit(empty.length).toArray(Integer[]::new);
            for (int e = 0; e < empty.length; e++) {
                int target = empty[e], i = far[e], from = labels[i];
                for (int j = 0; j < d; j++) {
                    sums[from * d + j] -= xs[i * d + j];
                    sums[target * d + j] = xs[i * d + j];
                }
                counts[target] = 1;
                counts[from] -= 1;
            }
        }
        for (int c = 0; c < k; c++)
            if (counts[c] > 0) for (int j = 0; j < d; j++) sums[c * d + j] /= counts[c];
    }

    /** Σ_c ‖new_c − old_c‖²: sklearn's center_shift_tot. */
    static double shift(double[] oldCenters, double[] newCenters) {
        return Pairwise.squaredDistance(oldCenters, 0, newCenters, 0, oldCenters.length);
    }

    /** ‖new_c − old_c‖ per center (Elkan moves its bounds by these). */
    static double[] shifts(double[] oldCenters, double[] newCenters, int k, int d) {
        double[] out = new double[k];
        for (int c = 0; c < k; c++) out[c] = Math.sqrt(Pairwise.squaredDistance(oldCenters, c * d, newCenters, c * d, d));
        return out;
    }

    static boolean same(int[] a, int[] b) {
        return Arrays.equals(a, b);
    }
}
