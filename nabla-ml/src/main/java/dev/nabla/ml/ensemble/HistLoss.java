package dev.nabla.ml.ensemble;

/**
 * The losses gradient boosting fits (sklearn's half losses): raw predictions are stored tree-major,
 * raw[k * n + i], one column per tree of an iteration. Gradients and hessians are float32 as in sklearn.
 */
sealed interface HistLoss {
    /** Trees per boosting iteration. */
    int trees();

    /** The constant raw prediction that minimises the loss (sklearn's baseline_prediction). */
    double[] baseline(double[] y, int[] rows);

    /** Gradients (and hessians, unless constant) of samples [start, end) of rows; the caller spreads ranges over threads. */
    void gradients(double[] raw, double[] y, int[] rows, float[] grad, float[] hess, int start, int end);

    /** Mean loss over the rows, for early stopping. */
    double loss(double[] raw, double[] y, int[] rows);

    /** True when every hessian is 1, so histograms count samples instead of summing hessians. */
    default boolean constantHessian() {
        return false;
    }

    /** ½(y − raw)². */
    record SquaredError() implements HistLoss {
        public int trees() { return 1; }

        public boolean constantHessian() { return true; }

        public double[] baseline(double[] y, int[] rows) {
            double s = 0;
            for (int r : rows) s += y[r];
            return new double[] {s / rows.length};
        }

        public void gradients(double[] raw, double[] y, int[] rows, float[] grad, float[] hess, int start, int end) {
            for (int i = start; i < end; i++) grad[i] = (float) (raw[i] - y[rows[i]]);
        }

        public double loss(double[] raw, double[] y, int[] rows) {
            double s = 0;
            for (int i = 0; i < rows.length; i++) s += 0.5 * (y[rows[i]] - raw[i]) * (y[rows[i]] - raw[i]);
            return s / rows.length;
        }
    }

    /** Binary log loss on the log-odds of class 1: log(1 + e^raw) − y·raw. */
    record BinaryLogLoss() implements HistLoss {
        public int trees() { return 1; }

        public double[] baseline(double[] y, int[] rows) {
            double p = 0;
            for (int r : rows) p += y[r];
            p = Math.clamp(p / rows.length, Math.ulp(1.0), 1 - Math.ulp(1.0));
            return new double[] {Math.log(p / (1 - p))};
        }

        public void gradients(double[] raw, double[] y, int[] rows, float[] grad, float[] hess, int start, int end) {
            for (int i = start; i < end; i++) {
                double p = 1 / (1 + Math.exp(-raw[i]));
                grad[i] = (float) (p - y[rows[i]]);
                hess[i] = (float) (p * (1 - p));
            }
        }

        public double loss(double[] raw, double[] y, int[] rows) {
            double s = 0;
            for (int i = 0; i < rows.length; i++) {
                double z = raw[i];
                s += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[rows[i]] * z;
            }
            return s / rows.length;
        }
    }

    /** Softmax cross-entropy over k classes, one tree per class and iteration; y holds class codes. */
    record Multinomial(int classes) implements HistLoss {
        public int trees() { return classes; }

        public double[] baseline(double[] y, int[] rows) {
            double[] p = new double[classes];
            for (int r : rows) p[(int) y[r]]++;
            double meanLog = 0;
            for (int k = 0; k < classes; k++) {
                p[k] = Math.log(Math.clamp(p[k] / rows.length, Math.ulp(1.0), 1 - Math.ulp(1.0)));
                meanLog += p[k] / classes;
            }
            for (int k = 0; k < classes; k++) p[k] -= meanLog;
            return p;
        }

        public void gradients(double[] raw, double[] y, int[] rows, float[] grad, float[] hess, int start, int end) {
            int n = rows.length;
            double[] p = new double[classes];
            for (int i = start; i < end; i++) {
                softmax(raw, n, i, p);
                int label = (int) y[rows[i]];
                for (int k = 0; k < classes; k++) {
                    grad[k * n + i] = (float) (p[k] - (k == label ? 1 : 0));
                    hess[k * n + i] = (float) (p[k] * (1 - p[k]));
                }
            }
        }

        public double loss(double[] raw, double[] y, int[] rows) {
            int n = rows.length;
            double s = 0;
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (int k = 0; k < classes; k++) max = Math.max(max, raw[k * n + i]);
                for (int k = 0; k < classes; k++) sum += Math.exp(raw[k * n + i] - max);
                s += max + Math.log(sum) - raw[(int) y[rows[i]] * n + i];
            }
            return s / n;
        }

        static void softmax(double[] raw, int n, int i, double[] p) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int k = 0; k < p.length; k++) max = Math.max(max, raw[k * n + i]);
            for (int k = 0; k < p.length; k++) sum += p[k] = Math.exp(raw[k * n + i] - max);
            for (int k = 0; k < p.length; k++) p[k] /= sum;
        }
    }
}
