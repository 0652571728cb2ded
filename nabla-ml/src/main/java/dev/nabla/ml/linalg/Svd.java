package dev.nabla.ml.linalg;

import dev.nabla.ml.Matrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Thin SVD A = U·diag(s)·Vᵀ with s descending (EJML's decomposition, which leaves them unordered),
 * signs fixed by {@link #flip} so results are reproducible and match sklearn's svd_flip.
 */
public record Svd(Matrix u, double[] s, Matrix vt) {
    /** Thin SVD of an m x n matrix: U is m x r, Vᵀ is r x n, r = min(m, n). */
    public static Svd of(Matrix a) {
        int m = a.rows(), n = a.cols();
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, true, true, true);
        if (!svd.decompose(DMatrixRMaj.wrap(m, n, a.data().clone())))
            throw new IllegalStateException("SVD of a " + m + " x " + n + " matrix did not converge");
        DMatrixRMaj u = svd.getU(null, false), w = svd.getW(null), vt = svd.getV(null, true);
        SingularOps_DDRM.descendingOrder(u, false, w, vt, true);
        int r = Math.min(m, n);
        double[] s = new double[r];
        for (int i = 0; i < r; i++) s[i] = w.get(i, i);
        return new Svd(new Matrix(u.getData(), u.numRows, u.numCols), s, new Matrix(vt.getData(), vt.numRows, vt.numCols));
    }

    /**
     * sklearn's svd_flip: each singular pair's sign is chosen so that the largest-magnitude entry of
     * the U column (uBased) or of the Vᵀ row is positive. Changes u and vt in place.
     */
    public Svd flip(boolean uBased) {
        int r = s.length;
        for (int j = 0; j < r; j++) {
            double pick;
            if (uBased) pick = u.data()[argMaxAbs(u.data(), j, u.cols(), u.rows())];
            else pick = vt.data()[argMaxAbs(vt.data(), j * vt.cols(), 1, vt.cols())];
            if (pick >= 0) continue;
            for (int i = 0; i < u.rows(); i++) u.data()[i * u.cols() + j] = -u.data()[i * u.cols() + j];
            for (int i = 0; i < vt.cols(); i++) vt.data()[j * vt.cols() + i] = -vt.data()[j * vt.cols() + i];
        }
        return this;
    }

    /** Index of the first largest |a[start + t·stride]| over t < count. */
    private static int argMaxAbs(double[] a, int start, int stride, int count) {
        int best = start;
        for (int t = 0, i = start; t < count; t++, i += stride) if (Math.abs(a[i]) > Math.abs(a[best])) best = i;
        return best;
    }
}
