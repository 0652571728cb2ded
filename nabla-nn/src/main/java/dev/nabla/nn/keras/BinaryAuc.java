package dev.nabla.nn.keras;

import dev.nabla.Tensor;
import java.util.Arrays;

/**
 * The exact area under the ROC curve of a binary classifier, from every score seen since the last
 * reset: the Mann-Whitney statistic over ranks, with tied scores sharing their mean rank (which equals
 * the trapezoidal ROC area scikit-learn's roc_auc_score computes).
 */
final class BinaryAuc implements Metric {
    private double[] scores = new double[256];
    private boolean[] positive = new boolean[256];
    private int size;

    @Override public String name() { return "auc"; }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        double[] s = scoresOf(predictions);
        long[] labels = Labels.actual(name(), targets, s.length);
        if (size + s.length > scores.length) {
            int capacity = Math.max(2 * scores.length, size + s.length);
            scores = Arrays.copyOf(scores, capacity);
            positive = Arrays.copyOf(positive, capacity);
        }
        for (int i = 0; i < s.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) throw new IllegalArgumentException("auc: targets must be 0 or 1, got " + labels[i]);
            scores[size] = s[i];
            positive[size++] = labels[i] == 1;
        }
    }

    /** One score per sample that grows with the odds of class 1: the score itself, or s1 - s0 for two columns. */
    private static double[] scoresOf(Tensor predictions) {
        if (Labels.isSingleScore(predictions)) return predictions.toDoubleArray();
        if (predictions.dim() == 2 && predictions.size(1) == 2)
            return predictions.select(1, 1).sub(predictions.select(1, 0)).toDoubleArray();
        throw new IllegalArgumentException("auc: binary only; expected predictions [N], [N, 1] or [N, 2], got " + Arrays.toString(predictions.shape()));
    }

    /** NaN until both classes have been seen (the area is undefined with one). */
    @Override
    public double result() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < size; ) {
            int end = start;
            while (end < size && scores[order[end]] == scores[order[start]]) end++;
            double meanRank = (start + 1 + end) / 2.0; // ranks start..end-1, counted from 1
            for (int i = start; i < end; i++)
                if (positive[order[i]]) {
                    positiveRankSum += meanRank;
                    positives++;
                }
            start = end;
        }
        long negatives = size - positives;
        if (positives == 0 || negatives == 0) return Double.NaN;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    @Override
    public void reset() {
        size = 0;
    }
}
