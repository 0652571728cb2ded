package dev.nabla.ml.linalg;

import dev.nabla.ml.Matrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * An orthonormal basis of a tall block's columns. Cholesky-QR twice (CholQR2): the Gram matrix on
 * GEMM, a small Cholesky, a product with the inverted triangle — all cheap for n x l blocks with
 * l small, and orthonormal to machine precision after the second pass. A numerically rank-deficient
 * block (Cholesky fails) falls back to Householder QR.
 */
public final class Orthonormal {
    private Orthonormal() {}

    public static Matrix basis(Matrix y) {
        Matrix q = cholQr(y);
        if (q != null) q = cholQr(q);
        return q != null ? q : householder(y);
    }

    /** Y·R⁻¹ where RᵀR = YᵀY; null when YᵀY is not numerically positive definite. */
    private static Matrix cholQr(Matrix y) {
        int l = y.cols();
        Matrix gram = Products.multiply(y, true, y, false);
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(l, false);
        DMatrixRMaj g = DMatrixRMaj.wrap(l, l, gram.data());
        if (!chol.decompose(g)) return null;
        double[] r = chol.getT(null).getData(); // upper triangular R, row-major
        for (int j = 0; j < l; j++) if (!(r[j * l + j] > 1e-10 * Math.abs(r[0]))) return null;
        // Y·R⁻¹ as one GEMM: inverting the small triangle is cheaper than n row-by-row substitutions
        return Products.multiply(y, new Matrix(invertUpper(r, l), l, l));
    }

    /** The inverse of an upper-triangular l x l matrix, by back substitution column by column. */
    private static double[] invertUpper(double[] r, int l) {
        double[] inv = new double[l * l];
        for (int col = 0; col < l; col++)
            for (int row = col; row >= 0; row--) {
                double v = row == col ? 1 : 0;
                for (int t = row + 1; t <= col; t++) v -= r[row * l + t] * inv[t * l + col];
                inv[row * l + col] = v / r[row * l + row];
            }
        return inv;
    }

    private static Matrix householder(Matrix y) {
        int n = y.rows(), l = y.cols();
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, l);
        if (!qr.decompose(DMatrixRMaj.wrap(n, l, y.data().clone()))) throw new IllegalStateException("QR of a " + n + " x " + l + " block failed");
        DMatrixRMaj q = qr.getQ(null, true);
        return new Matrix(q.getData(), n, l);
    }
}
