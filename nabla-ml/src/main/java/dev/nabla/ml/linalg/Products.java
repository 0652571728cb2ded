package dev.nabla.ml.linalg;

import dev.nabla.cpu.Gemm;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Matrix;

/**
 * Matrix products on {@link Gemm#dgemm} straight on the row-major arrays (no tensor copies of a big
 * X). Work is split over {@link Parallel}: by output rows when A is not transposed, and by the
 * reduction dimension (partial sums added at the end) for AᵀB, whose output is small.
 */
public final class Products {
    /** Multiply-adds per parallel piece; below this a product stays on the calling thread. */
    private static final long GRAIN = 1L << 18;

    private Products() {}

    /** op(A)·op(B), where op transposes when asked. */
    public static Matrix multiply(Matrix a, boolean transA, Matrix b, boolean transB) {
        int m = transA ? a.cols() : a.rows(), k = transA ? a.rows() : a.cols();
        int kb = transB ? b.cols() : b.rows(), n = transB ? b.rows() : b.cols();
        if (k != kb) throw new IllegalArgumentException("multiply: inner dimensions differ, " + k + " != " + kb);
        double[] c = new double[m * n];
        long work = (long) m * n * Math.max(1, k);
        int grainRows = (int) Math.max(1, GRAIN / Math.max(1, (long) n * k));
        if (!transA) {
            Parallel.forRange(m, grainRows, (s, e) -> Gemm.dgemm(false, transB, e - s, n, k, 1.0, a.data(), s * a.cols(), a.cols(),
                    b.data(), 0, b.cols(), 0.0, c, s * n, n));
            return new Matrix(c, m, n);
        }
        int pieces = (int) Math.max(1, Math.min(Parallel.threads(), work / GRAIN));
        if (pieces == 1) {
            Gemm.dgemm(true, transB, m, n, k, 1.0, a.data(), 0, a.cols(), b.data(), 0, b.cols(), 0.0, c, 0, n);
            return new Matrix(c, m, n);
        }
        // AᵀB = Σ over row blocks of A_blockᵀ B_block: each piece sums its own block into its own buffer
        double[][] partial = new double[pieces][];
        Parallel.forRange(pieces, 1, (s, e) -> {
            for (int p = s; p < e; p++) {
                int r0 = (int) ((long) k * p / pieces), r1 = (int) ((long) k * (p + 1) / pieces);
                double[] out = p == 0 ? c : new double[m * n];
                int bOff = transB ? r0 : r0 * b.cols();
                Gemm.dgemm(true, transB, m, n, r1 - r0, 1.0, a.data(), r0 * a.cols(), a.cols(), b.data(), bOff, b.cols(), 0.0, out, 0, n);
                partial[p] = out;
            }
        });
        for (int p = 1; p < pieces; p++) {
            double[] part = partial[p];
            for (int i = 0; i < c.length; i++) c[i] += part[i];
        }
        return new Matrix(c, m, n);
    }

    /** A·B. */
    public static Matrix multiply(Matrix a, Matrix b) {
        return multiply(a, false, b, false);
    }

    /** Squared Euclidean norm of each row. */
    public static double[] rowSquaredNorms(Matrix x) {
        double[] out = new double[x.rows()];
        int d = x.cols();
        double[] a = x.data();
        Parallel.forRange(x.rows(), Math.max(1, (1 << 14) / Math.max(1, d)), (s, e) -> {
            for (int i = s; i < e; i++) {
                double sum = 0;
                for (int j = i * d, end = j + d; j < end; j++) sum += a[j] * a[j];
                out[i] = sum;
            }
        });
        return out;
    }

    /** Rows per piece of the column sums; pieces are added in order, so the means do not depend on the thread count. */
    private static final int MEAN_PIECE = 8192;
    /** Rows per call of {@link #addRows}: short calls get it compiled early in a first fit (see Validation's finite check). */
    private static final int MEAN_CHUNK = 64;

    /** The column means (one pass; up to {@link #MEAN_PIECE} rows summed in row order, as one piece). */
    public static double[] columnMeans(Matrix x) {
        int n = x.rows(), d = x.cols();
        int pieces = (int) Math.max(1, Math.min((n + MEAN_PIECE - 1) / MEAN_PIECE, (1L << 22) / d));
        double[] a = x.data();
        double[][] sums = new double[pieces][];
        Parallel.forRange(pieces, 1, (s, e) -> {
            for (int p = s; p < e; p++) {
                double[] sum = new double[d];
                int end = (int) ((long) n * (p + 1) / pieces);
                for (int i = (int) ((long) n * p / pieces); i < end; i += MEAN_CHUNK) addRows(a, d, i, Math.min(end, i + MEAN_CHUNK), sum);
                sums[p] = sum;
            }
        });
        double[] mean = sums[0];
        for (int p = 1; p < pieces; p++)
            for (int j = 0; j < d; j++) mean[j] += sums[p][j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        return mean;
    }

    /** sum[j] += a[i·d + j] over rows i0 ≤ i < i1, in row order. */
    private static void addRows(double[] a, int d, int i0, int i1, double[] sum) {
        for (int i = i0; i < i1; i++)
            for (int j = 0, off = i * d; j < d; j++) sum[j] += a[off + j];
    }
}
