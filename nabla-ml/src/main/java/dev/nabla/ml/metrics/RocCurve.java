package dev.nabla.ml.metrics;

import dev.nabla.Tensor;
import java.util.Arrays;

/**
 * sklearn's roc_curve (with drop_intermediate=False): one point per distinct score, from (0, 0) to
 * (1, 1). The positive class is the larger of y_true's two labels; the first threshold is the highest
 * score plus 1, as in scikit-learn 1.2, so the curve starts with nothing predicted positive.
 */
public record RocCurve(double[] fpr, double[] tpr, double[] thresholds) {
    public static RocCurve of(Tensor yTrue, Tensor score) {
        double[] t = Counts.values("rocCurve", "y_true", yTrue), s = Counts.values("rocCurve", "y_score", score);
        Counts.sameLength("rocCurve", t, s);
        double[] labels = Arrays.stream(t).sorted().distinct().toArray();
        if (labels.length != 2) throw new IllegalArgumentException("rocCurve: needs a binary y_true, got " + labels.length + " classes");
        int n = s.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
        long positives = Arrays.stream(t).filter(v -> v == labels[1]).count(), negatives = n - positives;
        double[] fpr = new double[n + 1], tpr = new double[n + 1], thr = new double[n + 1];
        thr[0] = s[order[0]] + 1;
        int points = 1;
        long tp = 0, fp = 0;
        for (int i = 0; i < n; i++) {
            if (t[order[i]] == labels[1]) tp++;
            else fp++;
            if (i == n - 1 || s[order[i + 1]] != s[order[i]]) {
                tpr[points] = (double) tp / positives;
                fpr[points] = (double) fp / negatives;
                thr[points++] = s[order[i]];
            }
        }
        return new RocCurve(Arrays.copyOf(fpr, points), Arrays.copyOf(tpr, points), Arrays.copyOf(thr, points));
    }
}
