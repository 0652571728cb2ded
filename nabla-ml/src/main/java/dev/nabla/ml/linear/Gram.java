package dev.nabla.ml.linear;

import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Matrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Normal-equation pieces: the centred XᵀX and Xᵀy as one symmetric product ({@link GramStrip}; EJML's GEMM
 * is slow), and the small d x d solve through EJML's decompositions.
 */
final class Gram {
    /** Rows per piece of the Gram sum: pieces are summed in order, so the result does not depend on the thread count. */
    private static final int PIECE = 8192;
    /** Rows centred into one cache-sized strip buffer. */
    private static final int STRIP = 256;

    private Gram() {}

    /**
     * Solves (XcᵀXc + alpha·I) w = Xcᵀy by Cholesky, Xc = X − xMean row by row (zeros: X as it is) and y
     * already centred; alpha > 0 makes the system positive definite. X is only read.
     */
    static double[] ridge(Matrix x, double[] xMean, double[] y, double alpha) {
        int d = x.cols(), w = d + 1;
        double[] both = centredGram(x, xMean, y);
        double[] gram = new double[d * d], xty = new double[d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(both, i * w, gram, i * d, d);
            xty[i] = both[i * w + d];
        }
        for (int j = 0; j < d; j++) gram[j * d + j] += alpha;
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(d);
        // the decomposition works in place: a failed one (singular, alpha 0) must leave gram for the fallback
        if (!solver.setA(DMatrixRMaj.wrap(d, d, gram.clone()))) return leastSquares(DMatrixRMaj.wrap(d, d, gram), xty);
        DMatrixRMaj coef = new DMatrixRMaj(d, 1);
        solver.solve(DMatrixRMaj.wrap(d, 1, xty), coef);
        return coef.getData();
    }

    /**
     * [Xc y]ᵀ[Xc y], (d+1) x (d+1) row-major: XcᵀXc with Xcᵀy as the last column (and row), in one read of X.
     * Each piece of rows centres strips of {@link #STRIP} rows into a small buffer (zero-padded to the
     * kernel's width) and adds their lower-triangle product ({@link GramStrip}); no copy of X is made.
     */
    private static double[] centredGram(Matrix x, double[] mean, double[] y) {
        int n = x.rows(), d = x.cols(), w = d + 1, unit = GramStrip.widthMultiple(), wp = (w + unit - 1) / unit * unit;
        // partial Grams held at once: a fixed function of the shape (never of the thread count), within ~64 MB
        int pieces = (int) Math.max(1, Math.min((n + PIECE - 1) / PIECE, (1L << 23) / ((long) wp * wp)));
        double[] a = x.data();
        double[][] partial = new double[pieces][];
        Parallel.forRange(pieces, 1, (s, e) -> {
            double[] strip = new double[Math.min(STRIP, n) * wp];
            for (int p = s; p < e; p++) {
                double[] g = new double[wp * wp];
                int r1 = (int) ((long) n * (p + 1) / pieces);
                for (int r = (int) ((long) n * p / pieces); r < r1; r += STRIP) {
                    int m = Math.min(STRIP, r1 - r);
                    for (int k = 0; k < m; k++) {
                        int off = (r + k) * d, row = k * wp;
                        for (int j = 0; j < d; j++) strip[row + j] = a[off + j] - mean[j];
                        strip[row + d] = y[r + k];
                    }
                    GramStrip.addLower(strip, m, wp, g);
                }
                partial[p] = g;
            }
        });
        double[] sum = partial[0], gram = new double[w * w];
        for (int p = 1; p < pieces; p++) {
            double[] part = partial[p];
            for (int i = 0; i < sum.length; i++) sum[i] += part[i];
        }
        for (int i = 0; i < w; i++)
            for (int j = 0; j <= i; j++) gram[i * w + j] = gram[j * w + i] = sum[i * wp + j];
        return gram;
    }

    /** Minimum-norm least squares (SVD pseudo-inverse), like scipy's lstsq used by LinearRegression; x is the caller's own copy. */
    static double[] leastSquares(Matrix x, double[] y) {
        return leastSquares(DMatrixRMaj.wrap(x.rows(), x.cols(), x.data()), y);
    }

    private static double[] leastSquares(DMatrixRMaj a, double[] y) {
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.pseudoInverse(true);
        if (!solver.setA(a)) throw new IllegalStateException("least squares: SVD did not converge");
        DMatrixRMaj w = new DMatrixRMaj(a.numCols, 1);
        solver.solve(DMatrixRMaj.wrap(y.length, 1, y.clone()), w);
        return w.getData();
    }
}
