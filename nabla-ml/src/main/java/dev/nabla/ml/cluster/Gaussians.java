package dev.nabla.ml.cluster;

import dev.nabla.ml.Matrix;
import dev.nabla.ml.linalg.Products;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The parameters of k Gaussians and the two halves of EM on them, following sklearn's
 * _gaussian_mixture module. Precisions are kept as factors M with precision = M·Mᵀ ("precision
 * Cholesky"): per component d x d for FULL, one d x d for TIED, d values for DIAG, one for SPHERICAL.
 *
 * @param covariances the same layouts as the precision factors
 */
record Gaussians(CovarianceType type, int k, int d, double[] weights, double[] means, double[] covariances, double[] precisionFactors) {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** The M-step: weights (unnormalised counts), means and covariances from responsibilities (n x k). */
    static Gaussians estimate(Matrix x, Matrix resp, double reg, CovarianceType type) {
        int n = x.rows(), d = x.cols(), k = resp.cols();
        double eps = Math.ulp(1.0);
        double[] nk = new double[k];
        for (int i = 0; i < n; i++) for (int c = 0; c < k; c++) nk[c] += resp.data()[i * k + c];
        for (int c = 0; c < k; c++) nk[c] += 10 * eps;
        double[] means = Products.multiply(resp, true, x, false).data();
        for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) means[c * d + j] /= nk[c];
        double[] cov = switch (type) {
            case FULL -> full(x, resp, nk, means, reg);
            case TIED -> tied(x, nk, means, reg);
            case DIAG -> diag(x, resp, nk, means, reg);
            case SPHERICAL -> spherical(diag(x, resp, nk, means, reg), k, d);
        };
        return new Gaussians(type, k, d, nk, means, cov, factors(type, cov, k, d));
    }

    Gaussians withWeights(double[] w) {
        return new Gaussians(type, k, d, w, means, covariances, precisionFactors);
    }

    private static double[] full(Matrix x, Matrix resp, double[] nk, double[] means, double reg) {
        int n = x.rows(), d = x.cols(), k = nk.length;
        double[] out = new double[k * d * d];
        double[] diff = new double[n * d], weighted = new double[n * d];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                double r = resp.data()[i * k + c];
                for (int j = 0; j < d; j++) {
                    double v = x.data()[i * d + j] - means[c * d + j];
                    diff[i * d + j] = v;
                    weighted[i * d + j] = r * v;
                }
            }
            double[] cov = Products.multiply(new Matrix(weighted, n, d), true, new Matrix(diff, n, d), false).data();
            for (int t = 0; t < d * d; t++) out[c * d * d + t] = cov[t] / nk[c];
            for (int j = 0; j < d; j++) out[c * d * d + j * d + j] += reg;
        }
        return out;
    }

    private static double[] tied(Matrix x, double[] nk, double[] means, double reg) {
        int d = x.cols(), k = nk.length;
        double[] cov = Products.multiply(x, true, x, false).data();
        double total = 0;
        for (int c = 0; c < k; c++) {
            total += nk[c];
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++) cov[a * d + b] -= nk[c] * means[c * d + a] * means[c * d + b];
        }
        for (int t = 0; t < d * d; t++) cov[t] /= total;
        for (int j = 0; j < d; j++) cov[j * d + j] += reg;
        return cov;
    }

    private static double[] diag(Matrix x, Matrix resp, double[] nk, double[] means, double reg) {
        int n = x.rows(), d = x.cols(), k = nk.length;
        double[] sq = new double[n * d];
        for (int i = 0; i < sq.length; i++) sq[i] = x.data()[i] * x.data()[i];
        double[] avgX2 = Products.multiply(resp, true, new Matrix(sq, n, d), false).data();
        double[] avgX = Products.multiply(resp, true, x, false).data();
        double[] out = new double[k * d];
        for (int c = 0; c < k; c++)
            for (int j = 0; j < d; j++) {
                int t = c * d + j;
                double mu = means[t];
                out[t] = avgX2[t] / nk[c] - 2 * (mu * avgX[t] / nk[c]) + mu * mu + reg;
            }
        return out;
    }

    private static double[] spherical(double[] diag, int k, int d) {
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) out[c] += diag[c * d + j];
            out[c] /= d;
        }
        return out;
    }

    /** Precision factors from covariances: M = (L⁻¹)ᵀ for the Cholesky factor L of each covariance. */
    static double[] factors(CovarianceType type, double[] cov, int k, int d) {
        return switch (type) {
            case FULL, TIED -> {
                int blocks = type == CovarianceType.FULL ? k : 1;
                double[] out = new double[blocks * d * d];
                for (int c = 0; c < blocks; c++) {
                    double[] l = cholesky(cov, c * d * d, d, "covariance");
                    double[] inv = invertLower(l, d);
                    for (int a = 0; a < d; a++) for (int b = 0; b < d; b++) out[c * d * d + a * d + b] = inv[b * d + a];
                }
                yield out;
            }
            case DIAG, SPHERICAL -> {
                double[] out = new double[cov.length];
                for (int i = 0; i < cov.length; i++) {
                    if (!(cov[i] > 0)) throw illDefined();
                    out[i] = 1 / Math.sqrt(cov[i]);
                }
                yield out;
            }
        };
    }

    /** Precision factors from user-given precisions: the lower Cholesky factor of each precision matrix, or √precision. */
    static double[] factorsFromPrecisions(CovarianceType type, double[] prec, int k, int d) {
        return switch (type) {
            case FULL, TIED -> {
                int blocks = type == CovarianceType.FULL ? k : 1;
                double[] out = new double[blocks * d * d];
                for (int c = 0; c < blocks; c++) System.arraycopy(cholesky(prec, c * d * d, d, "precisionsInit"), 0, out, c * d * d, d * d);
                yield out;
            }
            case DIAG, SPHERICAL -> {
                double[] out = new double[prec.length];
                for (int i = 0; i < prec.length; i++) out[i] = Math.sqrt(prec[i]);
                yield out;
            }
        };
    }

    private static double[] cholesky(double[] a, int offset, int d, String what) {
        double[] block = new double[d * d];
        System.arraycopy(a, offset, block, 0, d * d);
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
        if (!chol.decompose(DMatrixRMaj.wrap(d, d, block))) {
            if (what.equals("covariance")) throw illDefined();
            throw new IllegalArgumentException("GaussianMixture: precisionsInit must be symmetric positive definite");
        }
        return chol.getT(null).getData();
    }

    private static IllegalArgumentException illDefined() {
        return new IllegalArgumentException("GaussianMixture: fitting failed because some components have ill-defined empirical covariance "
                + "(for instance caused by singleton or collapsed samples); decrease nComponents or increase regCovar");
    }

    private static double[] invertLower(double[] l, int d) {
        double[] inv = new double[d * d];
        for (int col = 0; col < d; col++)
            for (int row = col; row < d; row++) {
                double v = row == col ? 1 : 0;
                for (int t = col; t < row; t++) v -= l[row * d + t] * inv[t * d + col];
                inv[row * d + col] = v / l[row * d + row];
            }
        return inv;
    }

    /** log N(x_i | μ_c, Σ_c) + log w_c for every sample and component: n x k. */
    Matrix weightedLogProb(Matrix x) {
        int n = x.rows();
        double[] out = new double[n * k];
        for (int c = 0; c < k; c++) {
            double logDet = logDetFactor(c), logW = Math.log(weights[c]);
            double[] mahal = mahalanobis(x, c);
            for (int i = 0; i < n; i++) out[i * k + c] = -0.5 * (d * LOG_2PI + mahal[i]) + logDet + logW;
        }
        return new Matrix(out, n, k);
    }

    private double logDetFactor(int c) {
        return switch (type) {
            case FULL, TIED -> {
                int base = type == CovarianceType.FULL ? c * d * d : 0;
                double s = 0;
                for (int j = 0; j < d; j++) s += Math.log(precisionFactors[base + j * d + j]);
                yield s;
            }
            case DIAG -> {
                double s = 0;
                for (int j = 0; j < d; j++) s += Math.log(precisionFactors[c * d + j]);
                yield s;
            }
            case SPHERICAL -> d * Math.log(precisionFactors[c]);
        };
    }

    /** (x − μ_c)ᵀ P_c (x − μ_c) per sample. */
    private double[] mahalanobis(Matrix x, int c) {
        int n = x.rows();
        double[] xs = x.data(), out = new double[n];
        if (type == CovarianceType.FULL || type == CovarianceType.TIED) {
            int base = type == CovarianceType.FULL ? c * d * d : 0;
            double[] m = Arrays.copyOfRange(precisionFactors, base, base + d * d);
            double[] y = Products.multiply(x, new Matrix(m, d, d)).data();
            double[] shift = new double[d];
            for (int b = 0; b < d; b++) for (int a = 0; a < d; a++) shift[b] += means[c * d + a] * m[a * d + b];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double v = y[i * d + j] - shift[j];
                    s += v * v;
                }
                out[i] = s;
            }
            return out;
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double p = type == CovarianceType.DIAG ? precisionFactors[c * d + j] : precisionFactors[c];
                double v = (xs[i * d + j] - means[c * d + j]) * p;
                s += v * v;
            }
            out[i] = s;
        }
        return out;
    }

    /** Free parameters: covariance entries, means, and k − 1 weights (for BIC / AIC). */
    int parameterCount() {
        int cov = switch (type) {
            case FULL -> k * d * (d + 1) / 2;
            case TIED -> d * (d + 1) / 2;
            case DIAG -> k * d;
            case SPHERICAL -> k;
        };
        return cov + k * d + k - 1;
    }
}
