package dev.nabla.ml.linear;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.Matrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Normal-equation pieces: XᵀX and Xᵀy through Nabla's matmul (EJML's GEMM is slow), and the small
 * d x d solve through EJML's decompositions.
 */
final class Gram {
    private Gram() {}

    /** Solves (XᵀX + alpha·I) w = Xᵀy by Cholesky; alpha > 0 makes the system positive definite. */
    static double[] ridge(Matrix x, double[] y, double alpha) {
        int d = x.cols();
        Tensor xt = Nabla.tensor(x.data(), x.rows(), d);
        double[] gram = xt.t().matmul(xt).toDoubleArray();
        for (int j = 0; j < d; j++) gram[j * d + j] += alpha;
        double[] xty = xt.t().matmul(Nabla.tensor(y, y.length)).toDoubleArray();
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(d);
        DMatrixRMaj a = DMatrixRMaj.wrap(d, d, gram);
        if (!solver.setA(a)) return leastSquares(DMatrixRMaj.wrap(d, d, gram.clone()), xty);
        DMatrixRMaj w = new DMatrixRMaj(d, 1);
        solver.solve(DMatrixRMaj.wrap(d, 1, xty), w);
        return w.getData();
    }

    /** Minimum-norm least squares (SVD pseudo-inverse), like scipy's lstsq used by LinearRegression. */
    static double[] leastSquares(Matrix x, double[] y) {
        return leastSquares(DMatrixRMaj.wrap(x.rows(), x.cols(), x.data().clone()), y);
    }

    private static double[] leastSquares(DMatrixRMaj a, double[] y) {
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.pseudoInverse(true);
        if (!solver.setA(a)) throw new IllegalStateException("least squares: SVD did not converge");
        DMatrixRMaj w = new DMatrixRMaj(a.numCols, 1);
        solver.solve(DMatrixRMaj.wrap(y.length, 1, y.clone()), w);
        return w.getData();
    }
}
