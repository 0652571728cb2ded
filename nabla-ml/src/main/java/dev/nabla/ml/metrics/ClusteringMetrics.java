package dev.nabla.ml.metrics;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.Validation;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * sklearn.metrics clustering scores: silhouette (internal, from data and labels) and the adjusted
 * Rand index and adjusted mutual information (external, comparing two labelings). Labels may be any
 * numeric values; only equality matters.
 */
public final class ClusteringMetrics {
    private ClusteringMetrics() {}

    /** Mean silhouette coefficient over all samples, Euclidean distance. */
    public static double silhouetteScore(Tensor x, Tensor labels) {
        double[] s = silhouette(x, labels);
        double sum = 0;
        for (double v : s) sum += v;
        return sum / s.length;
    }

    /** Per-sample silhouette (b − a) / max(a, b); a sample alone in its cluster scores 0. float64. */
    public static Tensor silhouetteSamples(Tensor x, Tensor labels) {
        double[] s = silhouette(x, labels);
        return Nabla.tensor(s, s.length);
    }

    private static double[] silhouette(Tensor x, Tensor labelTensor) {
        String owner = "silhouette";
        Matrix m = Validation.features(owner, x);
        int[] labels = Contingency.codes(Validation.target(owner, labelTensor, m.rows()));
        int n = m.rows(), d = m.cols(), k = Contingency.count(labels);
        if (k < 2 || k > n - 1)
            throw new IllegalArgumentException(owner + ": number of labels is " + k + "; valid values are 2 to n_samples - 1 (" + (n - 1) + ")");
        int[] size = new int[k];
        for (int l : labels) size[l]++;
        double[] out = new double[n], xs = m.data();
        // per sample, the summed distance to every cluster; rows are independent so they split over threads
        Parallel.forRange(n, Math.max(1, (1 << 14) / Math.max(1, n * d)), (s, e) -> {
            double[] perCluster = new double[k];
            for (int i = s; i < e; i++) {
                Arrays.fill(perCluster, 0);
                for (int j = 0; j < n; j++) perCluster[labels[j]] += Math.sqrt(Pairwise.squaredDistance(xs, i * d, xs, j * d, d));
                int own = labels[i];
                if (size[own] == 1) continue;
                double a = perCluster[own] / (size[own] - 1), b = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) if (c != own) b = Math.min(b, perCluster[c] / size[c]);
                double denom = Math.max(a, b);
                out[i] = denom == 0 ? 0 : (b - a) / denom;
            }
        });
        return out;
    }

    /**
     * Adjusted Rand index: the Rand index corrected for chance, 1 for identical partitions, about 0
     * for random ones. The pair counts are exact integers (BigInteger), as in sklearn's Python ints.
     */
    public static double adjustedRandScore(Tensor labelsTrue, Tensor labelsPred) {
        Contingency c = Contingency.of("adjustedRandScore", labelsTrue, labelsPred);
        long n = c.n(), sumSquares = 0;
        for (long[] row : c.table()) for (long v : row) sumSquares += v * v;
        long rowDot = 0, colDot = 0; // Σ_ij n_ij·b_j and Σ_ij n_ij·a_i
        for (int i = 0; i < c.rows(); i++)
            for (int j = 0; j < c.cols(); j++) {
                rowDot += c.table()[i][j] * c.colSums()[j];
                colDot += c.table()[i][j] * c.rowSums()[i];
            }
        BigInteger tp = BigInteger.valueOf(sumSquares - n), fp = BigInteger.valueOf(rowDot - sumSquares);
        BigInteger fn = BigInteger.valueOf(colDot - sumSquares);
        BigInteger tn = BigInteger.valueOf(n).multiply(BigInteger.valueOf(n)).subtract(fp).subtract(fn).subtract(BigInteger.valueOf(sumSquares));
        if (fn.signum() == 0 && fp.signum() == 0) return 1.0;
        BigInteger num = tp.multiply(tn).subtract(fn.multiply(fp));
        BigInteger den = tp.add(fn).multiply(fn.add(tn)).add(tp.add(fp).multiply(fp.add(tn)));
        return 2.0 * num.doubleValue() / den.doubleValue();
    }

    /** Adjusted mutual information with the arithmetic-mean normalizer (sklearn's default). */
    public static double adjustedMutualInfo(Tensor labelsTrue, Tensor labelsPred) {
        Contingency c = Contingency.of("adjustedMutualInfo", labelsTrue, labelsPred);
        if (c.rows() == c.cols() && c.rows() <= 1) return 1.0;
        double mi = MutualInfo.mutualInfo(c), emi = MutualInfo.expected(c);
        double normalizer = (MutualInfo.entropy(c.rowSums()) + MutualInfo.entropy(c.colSums())) / 2;
        double denominator = normalizer - emi;
        double eps = Math.ulp(1.0);
        denominator = denominator < 0 ? Math.min(denominator, -eps) : Math.max(denominator, eps);
        return (mi - emi) / denominator;
    }
}
