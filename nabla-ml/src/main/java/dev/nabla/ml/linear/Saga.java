package dev.nabla.ml.linear;

import dev.nabla.ml.Matrix;
import java.util.SplittableRandom;

/**
 * SAGA (Defazio, Bach & Lacoste-Julien 2014) with a proximal step for the L1 part, on the dense rows, as
 * sklearn's {@code solver='saga'}: minimises (1/n) Σ sw_i · loss_i + α/2 ‖W‖² + β ‖W‖₁ with
 * α = (1 − l1Ratio)/(C·n), β = l1Ratio/(C·n) (the same minimiser as Σ sw_i · loss_i + penalty/C).
 * One output (sigmoid) for two classes, softmax (multinomial) otherwise. Samples are drawn uniformly with
 * replacement; one epoch is n draws. Step 1/(2L + min(2nα, L)) with L the largest per-sample smoothness
 * (sklearn's {@code get_auto_step_size}). Stops, as sklearn, when the largest change of a parameter over
 * an epoch is at most tol times the largest parameter.
 */
final class Saga {
    record Result(double[] params, int epochs, boolean converged) {}

    private Saga() {}

    /** Parameters laid out as LogisticLoss: W (outputs x d, row-major), then the intercepts when fitted. */
    static Result fit(Matrix m, int[] codes, double[] sw, int outputs, double c, double l1Ratio, boolean fitIntercept,
                      int maxIter, double tol, long seed) {
        int n = m.rows(), d = m.cols(), k = outputs, wd = k * d;
        double[] x = m.data();
        double alpha = (1 - l1Ratio) / (c * n), beta = l1Ratio / (c * n);
        double maxSq = 0, maxSw = 0;
        for (int i = 0; i < n; i++) {
            double s = RowDot.dot(x, i * d, x, i * d, d);
            maxSq = Math.max(maxSq, s);
            maxSw = Math.max(maxSw, sw[i]);
        }
        double lip = (k == 1 ? 0.25 : 0.5) * maxSw * (maxSq + (fitIntercept ? 1 : 0)) + alpha;
        double step = 1 / (2 * lip + Math.min(2 * n * alpha, lip));
        double[] w = new double[wd + (fitIntercept ? k : 0)], memory = new double[n * k], sum = new double[w.length];
        double[] prev = new double[w.length], z = new double[k], g = new double[k];
        SplittableRandom random = new SplittableRandom(seed);
        for (int epoch = 1; epoch <= maxIter; epoch++) {
            System.arraycopy(w, 0, prev, 0, w.length);
            for (int draw = 0; draw < n; draw++) {
                int i = random.nextInt(n), off = i * d;
                // d loss_i / d score, weighted
                if (k == 1) {
                    double t = (fitIntercept ? w[d] : 0) + RowDot.dot(x, off, w, 0, d);
                    g[0] = sw[i] * (LogisticLoss.sigmoid(t) - (codes[i] == 1 ? 1 : 0));
                } else {
                    for (int o = 0; o < k; o++) z[o] = (fitIntercept ? w[wd + o] : 0) + RowDot.dot(x, off, w, o * d, d);
                    double lse = LogisticLoss.logSumExp(z, 0, k);
                    for (int o = 0; o < k; o++) g[o] = sw[i] * (Math.exp(z[o] - lse) - (o == codes[i] ? 1 : 0));
                }
                for (int o = 0; o < k; o++) {
                    double delta = g[o] - memory[i * k + o];
                    memory[i * k + o] = g[o];
                    int wo = o * d;
                    for (int j = 0; j < d; j++) {
                        double xij = x[off + j], avg = sum[wo + j] / n;
                        double v = w[wo + j] - step * (delta * xij + avg + alpha * w[wo + j]);
                        w[wo + j] = beta == 0 ? v : Math.signum(v) * Math.max(Math.abs(v) - step * beta, 0);
                        sum[wo + j] += delta * xij;
                    }
                    if (fitIntercept) {
                        w[wd + o] -= step * (delta + sum[wd + o] / n);
                        sum[wd + o] += delta;
                    }
                }
            }
            double change = 0, largest = 0;
            for (int j = 0; j < w.length; j++) {
                change = Math.max(change, Math.abs(w[j] - prev[j]));
                largest = Math.max(largest, Math.abs(w[j]));
            }
            if (largest == 0 ? change == 0 : change / largest <= tol) return new Result(w, epoch, true);
        }
        return new Result(w, maxIter, false);
    }
}
