package dev.nabla.ml.linear;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.optim.Lbfgs;
import java.util.Arrays;

/**
 * The L2-penalised logistic objective sklearn's lbfgs solver minimises:
 * Σ sw_i · loss_i + ||W||² / (2C), intercepts unpenalised. One output (sigmoid) for two classes,
 * k outputs (softmax, multinomial) otherwise. Parameters: W (outputs x d, row-major), then intercepts.
 */
final class LogisticLoss implements Lbfgs.Objective {
    private final Tensor x;
    private final int n, d, outputs;
    private final int[] codes;
    private final double[] sampleWeight;
    private final double c;
    private final boolean fitIntercept;

    LogisticLoss(Matrix x, int[] codes, double[] sampleWeight, int outputs, double c, boolean fitIntercept) {
        this.x = Nabla.tensor(x.data(), x.rows(), x.cols());
        this.n = x.rows();
        this.d = x.cols();
        this.outputs = outputs;
        this.codes = codes;
        this.sampleWeight = sampleWeight;
        this.c = c;
        this.fitIntercept = fitIntercept;
    }

    int parameterCount() {
        return outputs * d + (fitIntercept ? outputs : 0);
    }

    @Override
    public double evaluate(double[] p, double[] grad) {
        double[] w = Arrays.copyOf(p, outputs * d);
        double[] z = scores(x, w, p, outputs, d, fitIntercept);
        double loss = 0;
        double[] e = new double[n * outputs]; // d loss / d score
        for (int i = 0; i < n; i++) {
            double sw = sampleWeight[i];
            if (outputs == 1) {
                double t = z[i], y = codes[i];
                loss += sw * softplus(y == 1 ? -t : t);
                e[i] = sw * (sigmoid(t) - y);
            } else {
                double lse = logSumExp(z, i * outputs, outputs);
                loss += sw * (lse - z[i * outputs + codes[i]]);
                for (int k = 0; k < outputs; k++) e[i * outputs + k] = sw * (Math.exp(z[i * outputs + k] - lse) - (k == codes[i] ? 1 : 0));
            }
        }
        double[] gw = Nabla.tensor(e, n, outputs).t().matmul(x).toDoubleArray();
        for (int j = 0; j < w.length; j++) {
            loss += 0.5 / c * w[j] * w[j];
            grad[j] = gw[j] + w[j] / c;
        }
        if (fitIntercept) {
            for (int k = 0; k < outputs; k++) grad[outputs * d + k] = 0;
            for (int i = 0; i < n; i++)
                for (int k = 0; k < outputs; k++) grad[outputs * d + k] += e[i * outputs + k];
        }
        return loss;
    }

    /** X·Wᵀ + b, n x outputs row-major. */
    static double[] scores(Tensor x, double[] w, double[] intercepts, int outputs, int d, boolean withIntercept) {
        double[] z = x.matmul(Nabla.tensor(Arrays.copyOf(w, outputs * d), outputs, d).t()).toDoubleArray();
        if (withIntercept)
            for (int i = 0; i < z.length; i++) z[i] += intercepts[outputs * d + i % outputs];
        return z;
    }

    static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }

    /** log(1 + e^t) without overflow. */
    private static double softplus(double t) {
        return Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
    }

    static double logSumExp(double[] z, int offset, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) max = Math.max(max, z[offset + j]);
        double s = 0;
        for (int j = 0; j < k; j++) s += Math.exp(z[offset + j] - max);
        return max + Math.log(s);
    }
}
