package dev.nabla.ml.svm;

/**
 * Probability calibration as in libsvm: Platt's sigmoid P(y=+1|f) = 1 / (1 + exp(A f + B)) fitted by
 * Newton's method with backtracking (Lin, Lin and Weng 2007), and pairwise coupling of the one-vs-one
 * probabilities (Wu, Lin and Weng 2004, method 2).
 */
final class Platt {
    private static final double MIN_PROB = 1e-7;

    private Platt() {}

    /** Fits A, B to decision values f_i with labels y_i = ±1, using Platt's smoothed targets. */
    static double[] train(double[] f, byte[] y) {
        int l = f.length, prior1 = 0;
        for (byte v : y) if (v > 0) prior1++;
        int prior0 = l - prior1;
        double hi = (prior1 + 1.0) / (prior1 + 2.0), lo = 1 / (prior0 + 2.0);
        double[] t = new double[l];
        for (int i = 0; i < l; i++) t[i] = y[i] > 0 ? hi : lo;
        double a = 0, b = Math.log((prior0 + 1.0) / (prior1 + 1.0)), fval = objective(f, t, a, b);
        for (int iter = 0; iter < 100; iter++) {
            double h11 = 1e-12, h22 = 1e-12, h21 = 0, g1 = 0, g2 = 0;
            for (int i = 0; i < l; i++) {
                double fApB = f[i] * a + b, p, q;
                if (fApB >= 0) {
                    p = Math.exp(-fApB) / (1.0 + Math.exp(-fApB));
                    q = 1.0 / (1.0 + Math.exp(-fApB));
                } else {
                    p = 1.0 / (1.0 + Math.exp(fApB));
                    q = Math.exp(fApB) / (1.0 + Math.exp(fApB));
                }
                double d2 = p * q, d1 = t[i] - p;
                h11 += f[i] * f[i] * d2;
                h22 += d2;
                h21 += f[i] * d2;
                g1 += f[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) break;
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det, dB = -(-h21 * g1 + h11 * g2) / det, gd = g1 * dA + g2 * dB;
            double step = 1;
            while (step >= 1e-10) {
                double na = a + step * dA, nb = b + step * dB, nf = objective(f, t, na, nb);
                if (nf < fval + 0.0001 * step * gd) {
                    a = na;
                    b = nb;
                    fval = nf;
                    break;
                }
                step /= 2;
            }
            if (step < 1e-10) break; // line search failed
        }
        return new double[] {a, b};
    }

    private static double objective(double[] f, double[] t, double a, double b) {
        double v = 0;
        for (int i = 0; i < f.length; i++) {
            double fApB = f[i] * a + b;
            v += fApB >= 0 ? t[i] * fApB + Math.log1p(Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
        }
        return v;
    }

    static double predict(double f, double a, double b) {
        double fApB = f * a + b;
        return fApB >= 0 ? Math.exp(-fApB) / (1.0 + Math.exp(-fApB)) : 1.0 / (1 + Math.exp(fApB));
    }

    /** The pairwise probability r_ij = P(i | i or j) clipped away from 0 and 1, as libsvm does. */
    static double clipped(double f, double a, double b) {
        return Math.min(Math.max(predict(f, a, b), MIN_PROB), 1 - MIN_PROB);
    }

    /** Class probabilities p from pairwise r (r[i][j] + r[j][i] = 1): min Σ (r_ji p_i - r_ij p_j)² s.t. Σp = 1. */
    static double[] couple(double[][] r) {
        int k = r.length;
        double[][] qm = new double[k][k];
        double[] p = new double[k], qp = new double[k];
        for (int t = 0; t < k; t++) {
            p[t] = 1.0 / k;
            for (int j = 0; j < k; j++) {
                if (j == t) continue;
                qm[t][t] += r[j][t] * r[j][t];
                qm[t][j] = -r[j][t] * r[t][j];
            }
        }
        double eps = 0.005 / k;
        for (int iter = 0, max = Math.max(100, k); iter < max; iter++) {
            double pQp = 0;
            for (int t = 0; t < k; t++) {
                qp[t] = 0;
                for (int j = 0; j < k; j++) qp[t] += qm[t][j] * p[j];
                pQp += p[t] * qp[t];
            }
            double maxError = 0;
            for (int t = 0; t < k; t++) maxError = Math.max(maxError, Math.abs(qp[t] - pQp));
            if (maxError < eps) break;
            for (int t = 0; t < k; t++) {
                double diff = (-qp[t] + pQp) / qm[t][t];
                p[t] += diff;
                pQp = (pQp + diff * (diff * qm[t][t] + 2 * qp[t])) / (1 + diff) / (1 + diff);
                for (int j = 0; j < k; j++) {
                    qp[j] = (qp[j] + diff * qm[t][j]) / (1 + diff);
                    p[j] /= 1 + diff;
                }
            }
        }
        return p;
    }
}
