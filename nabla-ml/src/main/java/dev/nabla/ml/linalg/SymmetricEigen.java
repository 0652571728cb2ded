package dev.nabla.ml.linalg;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Eigen-decomposition of a small symmetric matrix (EJML), eigenvalues descending, eigenvectors as rows. */
public record SymmetricEigen(double[] values, double[] vectors) {
    public static SymmetricEigen of(double[] a, int d) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(DMatrixRMaj.wrap(d, d, a.clone())))
            throw new IllegalStateException("eigen-decomposition of a " + d + " x " + d + " symmetric matrix did not converge");
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) order[i] = i;
        Arrays.sort(order, (p, q) -> Double.compare(eig.getEigenvalue(q).real, eig.getEigenvalue(p).real));
        double[] values = new double[d], vectors = new double[d * d];
        for (int r = 0; r < d; r++) {
            values[r] = eig.getEigenvalue(order[r]).real;
            DMatrixRMaj v = eig.getEigenVector(order[r]);
            for (int j = 0; j < d; j++) vectors[r * d + j] = v.get(j, 0);
        }
        return new SymmetricEigen(values, vectors);
    }
}
