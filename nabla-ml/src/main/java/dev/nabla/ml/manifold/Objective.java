package dev.nabla.ml.manifold;

import dev.nabla.cpu.Parallel;
import java.util.Arrays;

/**
 * The KL divergence KL(P‖Q) of t-SNE and its gradient with respect to the embedding, for a Student-t
 * kernel with one degree of freedom, q_ij ∝ 1 / (1 + ‖y_i − y_j‖²).
 */
interface Objective {
    /** Writes the gradient into grad; returns the KL divergence when asked (else NaN). */
    double evaluate(double[] y, double[] grad, boolean withError);

    /** All pairs: O(n²) per step, for small n (sklearn's method='exact'). */
    static Objective exact(double[] p, int n, int dim) {
        return (y, grad, withError) -> {
            double[] num = new double[n * n];
            double[] partial = new double[n];
            Parallel.forRange(n, 16, (s, e) -> {
                for (int i = s; i < e; i++) {
                    double sum = 0;
                    for (int j = 0; j < n; j++) {
                        if (j == i) continue;
                        double d2 = 0;
                        for (int a = 0; a < dim; a++) {
                            double v = y[i * dim + a] - y[j * dim + a];
                            d2 += v * v;
                        }
                        sum += num[i * n + j] = 1 / (1 + d2);
                    }
                    partial[i] = sum;
                }
            });
            double z = 0;
            for (double v : partial) z += v;
            double total = z, eps = Math.ulp(1.0);
            Parallel.forRange(n, 16, (s, e) -> {
                for (int i = s; i < e; i++) {
                    for (int a = 0; a < dim; a++) grad[i * dim + a] = 0;
                    for (int j = 0; j < n; j++) {
                        if (j == i) continue;
                        double q = Math.max(num[i * n + j] / total, eps);
                        double mult = (p[i * n + j] - q) * num[i * n + j];
                        for (int a = 0; a < dim; a++) grad[i * dim + a] += mult * (y[i * dim + a] - y[j * dim + a]);
                    }
                    for (int a = 0; a < dim; a++) grad[i * dim + a] *= 4;
                }
            });
            if (!withError) return Double.NaN;
            double kl = 0;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) {
                    if (j == i) continue;
                    double q = Math.max(num[i * n + j] / total, eps);
                    kl += p[i * n + j] * Math.log(Math.max(p[i * n + j], eps) / q);
                }
            return kl;
        };
    }

    /** Attraction over P's sparse neighbours, repulsion through a Barnes-Hut tree: O(n log n) per step. */
    static Objective barnesHut(Affinities.Sparse p, int n, int dim, double angle) {
        double theta2 = angle * angle, tiny = Float.MIN_NORMAL;
        return (y, grad, withError) -> {
            SpaceTree tree = new SpaceTree(y, n, dim);
            double[] neg = new double[n * dim], qParts = new double[n];
            Parallel.forRange(n, 32, (s, e) -> {
                double[] force = new double[dim], q = new double[1];
                for (int i = s; i < e; i++) {
                    q[0] = 0;
                    tree.repulsion(i, theta2, force, q);
                    System.arraycopy(force, 0, neg, i * dim, dim);
                    qParts[i] = q[0];
                }
            });
            double z = 0;
            for (double v : qParts) z += v;
            double sumQ = z;
            double[] errParts = new double[n];
            Parallel.forRange(n, 32, (s, e) -> {
                double[] pos = new double[dim], diff = new double[dim];
                for (int i = s; i < e; i++) {
                    Arrays.fill(pos, 0);
                    double err = 0;
                    for (int t = p.indptr()[i]; t < p.indptr()[i + 1]; t++) {
                        int j = p.indices()[t];
                        double d2 = 0;
                        for (int a = 0; a < dim; a++) {
                            diff[a] = y[i * dim + a] - y[j * dim + a];
                            d2 += diff[a] * diff[a];
                        }
                        double q = 1 / (1 + d2), pij = p.values()[t];
                        if (withError) err += pij * Math.log(Math.max(pij, tiny) / Math.max(q / sumQ, tiny));
                        for (int a = 0; a < dim; a++) pos[a] += pij * q * diff[a];
                    }
                    errParts[i] = err;
                    for (int a = 0; a < dim; a++) grad[i * dim + a] = 4 * (pos[a] - neg[i * dim + a] / sumQ);
                }
            });
            if (!withError) return Double.NaN;
            double kl = 0;
            for (double v : errParts) kl += v;
            return kl;
        };
    }
}
