package dev.nabla.ml.linalg;

import dev.nabla.Generator;
import dev.nabla.ml.Matrix;

/**
 * Halko, Martinsson and Tropp's randomized truncated SVD (sklearn's randomized_svd): a Gaussian
 * sketch of k + oversamples columns, power iterations that re-orthonormalise after every product
 * (so small singular directions are not lost to rounding), then an exact SVD of the small projection.
 * Every large product runs on GEMM. A wide matrix is handled through its transpose, as sklearn does.
 */
public final class RandomizedSvd {
    private RandomizedSvd() {}

    /** The leading k singular triplets of a, signs by svd_flip (U-based, V-based when transposed). */
    public static Svd of(Matrix a, int k, int oversamples, int powerIterations, Generator rng) {
        boolean transpose = a.rows() < a.cols();
        Matrix m = transpose ? transposed(a) : a;
        int l = Math.min(k + oversamples, Math.min(m.rows(), m.cols()));
        double[] omega = new double[m.cols() * l];
        for (int i = 0; i < omega.length; i++) omega[i] = rng.nextGaussian();
        Matrix q = new Matrix(omega, m.cols(), l);
        for (int it = 0; it < powerIterations; it++) {
            q = Orthonormal.basis(Products.multiply(m, false, q, false));
            q = Orthonormal.basis(Products.multiply(m, true, q, false));
        }
        q = Orthonormal.basis(Products.multiply(m, false, q, false));
        Matrix b = Products.multiply(q, true, m, false);
        Svd small = Svd.of(b);
        Matrix u = Products.multiply(q, small.u());
        Svd full = new Svd(u, small.s(), small.vt()).flip(!transpose);
        Svd top = truncate(full, k);
        return transpose ? new Svd(transposed(top.vt()), top.s(), transposed(top.u())) : top;
    }

    /** The first k triplets. */
    public static Svd truncate(Svd svd, int k) {
        Matrix u = svd.u(), vt = svd.vt();
        double[] uk = new double[u.rows() * k];
        for (int i = 0; i < u.rows(); i++) System.arraycopy(u.data(), i * u.cols(), uk, i * k, k);
        double[] vk = new double[k * vt.cols()];
        System.arraycopy(vt.data(), 0, vk, 0, vk.length);
        return new Svd(new Matrix(uk, u.rows(), k), java.util.Arrays.copyOf(svd.s(), k), new Matrix(vk, k, vt.cols()));
    }

    static Matrix transposed(Matrix a) {
        int r = a.rows(), c = a.cols();
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++) out[j * r + i] = a.data()[i * c + j];
        return new Matrix(out, c, r);
    }
}
