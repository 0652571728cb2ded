package dev.nabla.ml.manifold;

import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.metrics.Pairwise;
import java.util.Arrays;

/**
 * t-SNE's input similarities. Each sample gets a Gaussian whose bandwidth is found by bisection so
 * the conditional distribution's perplexity (2^entropy) hits the target; the joint P is that
 * symmetrised and normalised, as in sklearn's _joint_probabilities(_nn).
 */
final class Affinities {
    private static final int STEPS = 100;
    private static final double TOLERANCE = 1e-5, MIN_SUM = 1e-8;

    private Affinities() {}

    /** Dense joint P (n x n) from all squared distances, each entry at least machine epsilon (the exact method). */
    static double[] dense(Matrix x, double perplexity) {
        int n = x.rows();
        double[] d2 = Pairwise.squaredEuclidean(x, x).data();
        double[] cond = new double[n * n];
        Parallel.forRange(n, 8, (s, e) -> {
            double[] row = new double[n - 1], p = new double[n - 1];
            for (int i = s; i < e; i++) {
                for (int j = 0, t = 0; j < n; j++) if (j != i) row[t++] = d2[i * n + j];
                conditional(row, perplexity, p);
                for (int j = 0, t = 0; j < n; j++) if (j != i) cond[i * n + j] = p[t++];
            }
        });
        double sum = 0;
        double[] joint = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) sum += joint[i * n + j] = cond[i * n + j] + cond[j * n + i];
        sum = Math.max(sum, Math.ulp(1.0));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) joint[i * n + j] = i == j ? 0 : Math.max(joint[i * n + j] / sum, Math.ulp(1.0));
        return joint;
    }

    /** Sparse joint P over each sample's nearest neighbours (the Barnes-Hut method). */
    static Sparse sparse(Neighbours nn, double perplexity) {
        int n = nn.index().length, k = nn.index()[0].length;
        double[][] cond = new double[n][k];
        Parallel.forRange(n, 8, (s, e) -> {
            for (int i = s; i < e; i++) conditional(nn.squaredDistance()[i], perplexity, cond[i]);
        });
        return Sparse.symmetrised(nn.index(), cond);
    }

    /** Bisection on the Gaussian precision β until the entropy of p_j ∝ exp(−β·d_j) is ln(perplexity). */
    static void conditional(double[] d2, double perplexity, double[] p) {
        double beta = 1, lo = Double.NEGATIVE_INFINITY, hi = Double.POSITIVE_INFINITY, target = Math.log(perplexity);
        for (int step = 0; step < STEPS; step++) {
            double sum = 0, weighted = 0;
            for (int j = 0; j < d2.length; j++) sum += p[j] = Math.exp(-d2[j] * beta);
            if (sum == 0) sum = MIN_SUM;
            for (int j = 0; j < d2.length; j++) {
                p[j] /= sum;
                weighted += d2[j] * p[j];
            }
            double diff = Math.log(sum) + beta * weighted - target;
            if (Math.abs(diff) <= TOLERANCE) return;
            if (diff > 0) {
                lo = beta;
                beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = lo == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + lo) / 2;
            }
        }
    }

    /** A symmetric sparse matrix in CSR form. */
    record Sparse(int[] indptr, int[] indices, double[] values) {
        /** (C + Cᵀ) / sum for the conditional rows C over the given neighbour lists. */
        static Sparse symmetrised(int[][] index, double[][] cond) {
            int n = index.length, k = index[0].length;
            long[] keys = new long[2 * n * k];
            double[] vals = new double[2 * n * k];
            int t = 0;
            for (int i = 0; i < n; i++)
                for (int a = 0; a < k; a++) {
                    int j = index[i][a];
                    keys[t] = (long) i * n + j;
                    vals[t++] = cond[i][a];
                    keys[t] = (long) j * n + i;
                    vals[t++] = cond[i][a];
                }
            Integer[] order = new Integer[t];
            for (int i = 0; i < t; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
            int[] indptr = new int[n + 1], idx = new int[t];
            double[] v = new double[t];
            int m = 0;
            long last = -1;
            double total = 0;
            for (int r = 0; r < t; r++) {
                long key = keys[order[r]];
                double value = vals[order[r]];
                total += value;
                if (key == last) {
                    v[m - 1] += value; // (i, j) listed twice: j is i's neighbour and i is j's
                    continue;
                }
                indptr[(int) (key / n) + 1]++;
                idx[m] = (int) (key % n);
                v[m++] = value;
                last = key;
            }
            for (int i = 0; i < n; i++) indptr[i + 1] += indptr[i];
            total = Math.max(total, Math.ulp(1.0));
            for (int i = 0; i < m; i++) v[i] /= total;
            return new Sparse(indptr, Arrays.copyOf(idx, m), Arrays.copyOf(v, m));
        }
    }
}
