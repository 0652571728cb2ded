package dev.nabla.ml.metrics;

import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.linalg.Products;

/**
 * Euclidean distances between the rows of two matrices (sklearn.metrics.pairwise). The fast form
 * ‖a‖² − 2a·b + ‖b‖² runs on GEMM; the exact form sums squared differences and is used where a
 * result must not carry the cancellation error of the fast one (thresholds, small data).
 */
public final class Pairwise {
    private Pairwise() {}

    /** Squared distances via GEMM, clamped at 0 (cancellation can make them slightly negative). */
    public static Matrix squaredEuclidean(Matrix a, Matrix b) {
        double[] an = Products.rowSquaredNorms(a), bn = a == b ? an : Products.rowSquaredNorms(b);
        Matrix ab = Products.multiply(a, false, b, true);
        double[] d = ab.data();
        int m = b.rows();
        Parallel.forRange(a.rows(), Math.max(1, (1 << 14) / Math.max(1, m)), (s, e) -> {
            for (int i = s; i < e; i++)
                for (int j = 0; j < m; j++) d[i * m + j] = Math.max(0, an[i] - 2 * d[i * m + j] + bn[j]);
        });
        if (a == b) for (int i = 0; i < a.rows(); i++) d[i * m + i] = 0;
        return ab;
    }

    /** Distances summed term by term: no cancellation, O(n·m·d) scalar work. */
    public static Matrix exactEuclidean(Matrix a, Matrix b) {
        int n = a.rows(), m = b.rows(), dim = a.cols();
        if (b.cols() != dim) throw new IllegalArgumentException("exactEuclidean: " + dim + " features vs " + b.cols());
        double[] out = new double[n * m], x = a.data(), y = b.data();
        Parallel.forRange(n, Math.max(1, (1 << 14) / Math.max(1, m * dim)), (s, e) -> {
            for (int i = s; i < e; i++)
                for (int j = 0; j < m; j++) out[i * m + j] = Math.sqrt(squaredDistance(x, i * dim, y, j * dim, dim));
        });
        return new Matrix(out, n, m);
    }

    /** Σ (x[xo+t] − y[yo+t])² over t < dim. */
    public static double squaredDistance(double[] x, int xo, double[] y, int yo, int dim) {
        double sum = 0;
        for (int t = 0; t < dim; t++) {
            double diff = x[xo + t] - y[yo + t];
            sum += diff * diff;
        }
        return sum;
    }
}
