package dev.nabla.ml.linalg;

import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Matrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * An orthonormal basis of a tall block's columns. Cholesky-QR twice (CholQR2): the Gram matrix on
 * GEMM, a small Cholesky, a triangular solve per row — all parallel and cheap for n x l blocks with
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
        double[] in = y.data(), out = new double[in.length];
        Parallel.forRange(y.rows(), Math.max(1, 4096 / (l * l)), (s, e) -> {
            for (int i = s; i < e; i++) {
                int o = i * l;
                // solve q·R = y for the row q: forward substitution over columns
                for (int j = 0; j < l; j++) {
                    double v = in[o + j];
                    for (int t = 0; t < j; t++) v -= out[o + t] * r[t * l + j];
                    out[o + j] = v / r[j * l + j];
                }
            }
        });
        return new Matrix(out, y.rows(), l);
    }

    private static Matrix householder(Matrix y) {
        int n = y.rows(), l = y.cols();
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, l);
        if (!qr.decompose(DMatrixRMaj.wrap(n, l, y.data().clone()))) throw new IllegalStateException("QR of a " + n + " x " + l + " block failed");
        DMatrixRMaj q = qr.getQ(null, true);
        return new Matrix(q.getData(), n, l);
    }
}
