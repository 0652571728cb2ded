package dev.nabla.ml.linear;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.Labels;
import dev.nabla.ml.Matrix;

/**
 * Linear one-vs-rest classification shared by LinearSvc and SgdClassifier: one binary problem (positive =
 * classes()[1]) for two classes, else one per class against the rest; scores X·wᵀ + b, prediction by sign or argmax.
 */
final class OneVsRest {
    private OneVsRest() {}

    /** The number of binary problems for k classes. */
    static int outputs(int k) {
        return k == 2 ? 1 : k;
    }

    /** ±1 targets of binary problem {@code output} given the class codes. */
    static double[] targets(int[] codes, int k, int output) {
        int positive = k == 2 ? 1 : output;
        double[] y = new double[codes.length];
        for (int i = 0; i < codes.length; i++) y[i] = codes[i] == positive ? 1 : -1;
        return y;
    }

    /** n x outputs scores. */
    static double[] scores(Matrix x, double[][] coef, double[] intercept) {
        int outputs = coef.length, d = x.cols();
        double[] w = new double[outputs * d];
        for (int k = 0; k < outputs; k++) System.arraycopy(coef[k], 0, w, k * d, d);
        double[] s = x.timesTransposed(new Matrix(w, outputs, d)).data();
        for (int i = 0; i < x.rows(); i++) for (int k = 0; k < outputs; k++) s[i * outputs + k] += intercept[k];
        return s;
    }

    static Tensor decision(double[] scores, int outputs) {
        int n = scores.length / outputs;
        return outputs == 1 ? Nabla.tensor(scores, n) : Nabla.tensor(scores, n, outputs);
    }

    static Tensor predict(double[] scores, int outputs, Labels labels) {
        int n = scores.length / outputs;
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            if (outputs == 1) codes[i] = scores[i] > 0 ? 1 : 0;
            else for (int k = 1; k < outputs; k++) if (scores[i * outputs + k] > scores[i * outputs + codes[i]]) codes[i] = k;
        }
        return labels.decode(codes);
    }
}
