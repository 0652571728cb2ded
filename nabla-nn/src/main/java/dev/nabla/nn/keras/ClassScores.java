package dev.nabla.nn.keras;

import dev.nabla.Tensor;
import java.util.TreeMap;

/**
 * Precision, recall or F1 from per-class counts, with scikit-learn's definitions: a 0/0 score is 0
 * (zero_division=0); BINARY scores class 1; MACRO averages over the classes seen in targets or
 * predictions so far.
 */
final class ClassScores implements Metric {
    enum Score { PRECISION, RECALL, F1 }

    private final Score score;
    private final Metrics.Average average;
    private final double threshold;
    /** class -> {true positives, false positives, false negatives} */
    private final TreeMap<Long, long[]> counts = new TreeMap<>();

    ClassScores(Score score, Metrics.Average average, double threshold) {
        this.score = score;
        this.average = average;
        this.threshold = threshold;
    }

    @Override
    public String name() {
        String base = score.name().toLowerCase(java.util.Locale.ROOT);
        return average == Metrics.Average.MACRO ? "macro_" + base : base;
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        long[] predicted = Labels.predicted(name(), predictions, threshold);
        long[] actual = Labels.actual(name(), targets, predicted.length);
        for (int i = 0; i < predicted.length; i++) {
            if (average == Metrics.Average.BINARY && (actual[i] < 0 || actual[i] > 1 || predicted[i] > 1))
                throw new IllegalArgumentException(name() + ": binary averaging needs classes 0 and 1, got class "
                        + Math.max(actual[i], predicted[i]) + "; use Metrics." + name() + "(Average.MACRO)");
            if (predicted[i] == actual[i]) {
                counts(actual[i])[0]++;
            } else {
                counts(predicted[i])[1]++;
                counts(actual[i])[2]++;
            }
        }
    }

    private long[] counts(long label) {
        return counts.computeIfAbsent(label, k -> new long[3]);
    }

    @Override
    public double result() {
        if (counts.isEmpty()) return Double.NaN;
        if (average == Metrics.Average.BINARY) return of(counts.getOrDefault(1L, new long[3]));
        double sum = 0;
        for (long[] c : counts.values()) sum += of(c);
        return sum / counts.size();
    }

    private double of(long[] c) {
        long tp = c[0], fp = c[1], fn = c[2];
        return switch (score) {
            case PRECISION -> ratio(tp, tp + fp);
            case RECALL -> ratio(tp, tp + fn);
            case F1 -> ratio(2 * tp, 2 * tp + fp + fn);
        };
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    @Override
    public void reset() {
        counts.clear();
    }
}
