package dev.nabla.ml.metrics;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.Arrays;

/**
 * sklearn.metrics: classification scores from labels, ranking scores from probabilities, and
 * regression errors. Results equal scikit-learn's (zero_division = 0, log_loss eps = 1e-15 as in 1.2).
 */
public final class Metrics {
    private Metrics() {}

    // ---- classification from labels

    public static double accuracy(Tensor yTrue, Tensor yPred) {
        double[] t = Counts.values("accuracy", "y_true", yTrue), p = Counts.values("accuracy", "y_pred", yPred);
        Counts.sameLength("accuracy", t, p);
        int hits = 0;
        for (int i = 0; i < t.length; i++) if (t[i] == p[i]) hits++;
        return (double) hits / t.length;
    }

    /** Mean recall over the classes present in y_true. */
    public static double balancedAccuracy(Tensor yTrue, Tensor yPred) {
        Counts c = Counts.of("balancedAccuracy", yTrue, yPred);
        double sum = 0;
        int present = 0;
        for (int k = 0; k < c.labels().length; k++) {
            if (c.support(k) == 0) continue;
            sum += (double) c.truePositives(k) / c.support(k);
            present++;
        }
        return sum / present;
    }

    /** Rows: true labels, columns: predicted labels, both in the sorted union of labels. int64. */
    public static Tensor confusionMatrix(Tensor yTrue, Tensor yPred) {
        long[][] c = Counts.of("confusionMatrix", yTrue, yPred).confusion();
        int k = c.length;
        long[] flat = new long[k * k];
        for (int i = 0; i < k; i++) System.arraycopy(c[i], 0, flat, i * k, k);
        return Nabla.tensor(flat, k, k);
    }

    public static double precision(Tensor yTrue, Tensor yPred, Average average) {
        return PrecisionRecall.of("precision", yTrue, yPred, average, 1).precision();
    }

    public static double recall(Tensor yTrue, Tensor yPred, Average average) {
        return PrecisionRecall.of("recall", yTrue, yPred, average, 1).recall();
    }

    public static double f1(Tensor yTrue, Tensor yPred, Average average) {
        return PrecisionRecall.of("f1", yTrue, yPred, average, 1).f1();
    }

    /** Binary precision with positive label 1, sklearn's default. */
    public static double precision(Tensor yTrue, Tensor yPred) {
        return precision(yTrue, yPred, Average.BINARY);
    }

    public static double recall(Tensor yTrue, Tensor yPred) {
        return recall(yTrue, yPred, Average.BINARY);
    }

    public static double f1(Tensor yTrue, Tensor yPred) {
        return f1(yTrue, yPred, Average.BINARY);
    }

    /** Precision, recall and F1 with an explicit positive label for {@link Average#BINARY}. */
    public static PrecisionRecall precisionRecallF1(Tensor yTrue, Tensor yPred, Average average, double posLabel) {
        return PrecisionRecall.of("precisionRecallF1", yTrue, yPred, average, posLabel);
    }

    /** sklearn's classification_report text, two digits. */
    public static String classificationReport(Tensor yTrue, Tensor yPred) {
        return ClassificationReport.format(Counts.of("classificationReport", yTrue, yPred), 2);
    }

    // ---- from scores and probabilities

    /**
     * ROC AUC. A 1-D score ranks the positive class (the larger label) of a binary y_true; an n x k
     * probability matrix gives the macro average of one-vs-rest AUCs over the sorted classes.
     */
    public static double rocAuc(Tensor yTrue, Tensor score) {
        double[] t = Counts.values("rocAuc", "y_true", yTrue);
        double[] labels = Arrays.stream(t).sorted().distinct().toArray();
        if (labels.length < 2) throw new IllegalArgumentException("rocAuc: only one class present in y_true; ROC AUC is not defined then");
        if (score.dim() == 1) {
            if (labels.length != 2) throw new IllegalArgumentException("rocAuc: a 1-D score needs a binary y_true, got " + labels.length + " classes; pass n x k probabilities");
            double[] s = Counts.values("rocAuc", "y_score", score);
            Counts.sameLength("rocAuc", t, s);
            return binaryAuc(t, labels[1], s);
        }
        if (score.dim() != 2 || score.size(1) != labels.length)
            throw new IllegalArgumentException("rocAuc: expected y_score of shape [" + t.length + ", " + labels.length + "] (one column per class), got " + Arrays.toString(score.shape()));
        if (score.size(0) != t.length) throw new IllegalArgumentException("rocAuc: y_true has " + t.length + " values but y_score has " + score.size(0) + " rows");
        double[] p = score.toDoubleArray();
        int k = labels.length;
        if (k == 2) return binaryAuc(t, labels[1], column(p, k, 1));
        double sum = 0;
        for (int j = 0; j < k; j++) sum += binaryAuc(t, labels[j], column(p, k, j));
        return sum / k;
    }

    /** Mann–Whitney U with mid-ranks for ties: the area under the ROC curve, ties counted half. */
    private static double binaryAuc(double[] yTrue, double positive, double[] score) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double positiveRankSum = 0;
        long nPos = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && score[order[j]] == score[order[i]]) j++;
            double midRank = (i + 1 + j) / 2.0;
            for (int r = i; r < j; r++) if (yTrue[order[r]] == positive) { positiveRankSum += midRank; nPos++; }
            i = j;
        }
        long nNeg = n - nPos;
        return (positiveRankSum - nPos * (nPos + 1) / 2.0) / ((double) nPos * nNeg);
    }

    private static double[] column(double[] p, int k, int j) {
        double[] c = new double[p.length / k];
        for (int i = 0; i < c.length; i++) c[i] = p[i * k + j];
        return c;
    }

    /**
     * Cross-entropy of probabilities against y_true (classes = sorted labels of y_true). A 1-D input is
     * the probability of the larger label. Probabilities are clipped to [1e-15, 1 - 1e-15] and rows
     * renormalised, as sklearn 1.2 does.
     */
    public static double logLoss(Tensor yTrue, Tensor proba) {
        double[] t = Counts.values("logLoss", "y_true", yTrue);
        double[] labels = Arrays.stream(t).sorted().distinct().toArray();
        int n = t.length, k = proba.dim() == 1 ? 2 : proba.size(1);
        if (proba.dim() != 1 && proba.dim() != 2 || proba.size(0) != n)
            throw new IllegalArgumentException("logLoss: expected probabilities of shape [" + n + "] or [" + n + ", n_classes], got " + Arrays.toString(proba.shape()));
        if (labels.length > k || labels.length == 1 && k != 2 || labels.length > 1 && labels.length != k)
            throw new IllegalArgumentException("logLoss: y_true has " + labels.length + " classes but the probabilities have " + k + " columns");
        double[] p = proba.toDoubleArray();
        double eps = 1e-15, total = 0;
        for (int i = 0; i < n; i++) {
            int y = Arrays.binarySearch(labels, t[i]);
            if (labels.length == 1) y = t[i] > 0.5 ? 1 : 0; // one class seen: sklearn treats it as the positive label of {0, 1}
            double rowSum = 0, py = 0;
            for (int j = 0; j < k; j++) {
                double v = k == 2 && proba.dim() == 1 ? (j == 1 ? p[i] : 1 - p[i]) : p[i * k + j];
                v = Math.min(Math.max(v, eps), 1 - eps);
                rowSum += v;
                if (j == y) py = v;
            }
            total -= Math.log(py / rowSum);
        }
        return total / n;
    }

    // ---- regression

    public static double mse(Tensor yTrue, Tensor yPred) {
        double[][] tp = pair("mse", yTrue, yPred);
        double s = 0;
        for (int i = 0; i < tp[0].length; i++) s += sq(tp[0][i] - tp[1][i]);
        return s / tp[0].length;
    }

    public static double rmse(Tensor yTrue, Tensor yPred) {
        return Math.sqrt(mse(yTrue, yPred));
    }

    public static double mae(Tensor yTrue, Tensor yPred) {
        double[][] tp = pair("mae", yTrue, yPred);
        double s = 0;
        for (int i = 0; i < tp[0].length; i++) s += Math.abs(tp[0][i] - tp[1][i]);
        return s / tp[0].length;
    }

    /** Coefficient of determination; a constant y_true scores 1 when predicted exactly, else 0 (sklearn's force_finite). */
    public static double r2(Tensor yTrue, Tensor yPred) {
        double[][] tp = pair("r2", yTrue, yPred);
        double mean = mean(tp[0]), ssRes = 0, ssTot = 0;
        for (int i = 0; i < tp[0].length; i++) {
            ssRes += sq(tp[0][i] - tp[1][i]);
            ssTot += sq(tp[0][i] - mean);
        }
        return finiteRatio(ssRes, ssTot);
    }

    public static double explainedVariance(Tensor yTrue, Tensor yPred) {
        double[][] tp = pair("explainedVariance", yTrue, yPred);
        int n = tp[0].length;
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) residual[i] = tp[0][i] - tp[1][i];
        double meanRes = mean(residual), meanTrue = mean(tp[0]), num = 0, den = 0;
        for (int i = 0; i < n; i++) {
            num += sq(residual[i] - meanRes);
            den += sq(tp[0][i] - meanTrue);
        }
        return finiteRatio(num, den);
    }

    private static double finiteRatio(double num, double den) {
        if (den == 0) return num == 0 ? 1 : 0;
        return 1 - num / den;
    }

    private static double[][] pair(String metric, Tensor yTrue, Tensor yPred) {
        double[] t = Counts.values(metric, "y_true", yTrue), p = Counts.values(metric, "y_pred", yPred);
        Counts.sameLength(metric, t, p);
        return new double[][] {t, p};
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static double sq(double x) {
        return x * x;
    }
}
