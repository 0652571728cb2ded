package dev.nabla.ml.metrics;

import dev.nabla.Tensor;
import java.util.Arrays;

/** Precision, recall and F1 combined by one {@link Average}; a 0/0 ratio counts as 0 (sklearn's zero_division=0 result). */
public record PrecisionRecall(double precision, double recall, double f1) {
    static PrecisionRecall of(String metric, Tensor yTrue, Tensor yPred, Average average, double posLabel) {
        if (average == null) throw new IllegalArgumentException(metric + ": average must not be null");
        return of(metric, Counts.of(metric, yTrue, yPred), average, posLabel);
    }

    /** Multi-class averages (the report's rows), where no positive label is involved. */
    static PrecisionRecall of(Counts c, Average average) {
        return of("classificationReport", c, average, Double.NaN);
    }

    private static PrecisionRecall of(String metric, Counts c, Average average, double posLabel) {
        int k = c.labels().length;
        return switch (average) {
            case BINARY -> {
                if (k > 2)
                    throw new IllegalArgumentException(metric + ": y has " + k + " labels " + Arrays.toString(c.labels())
                            + " but average=BINARY needs two; choose MICRO, MACRO or WEIGHTED");
                int pos = Arrays.binarySearch(c.labels(), posLabel);
                if (pos < 0 && k == 2)
                    throw new IllegalArgumentException(metric + ": positive label " + posLabel + " is not one of the labels " + Arrays.toString(c.labels()));
                yield pos < 0 ? new PrecisionRecall(0, 0, 0) : ofClass(c, pos);
            }
            case MICRO -> {
                long tp = 0, predicted = 0, support = 0;
                for (int j = 0; j < k; j++) {
                    tp += c.truePositives(j);
                    predicted += c.predicted(j);
                    support += c.support(j);
                }
                yield fromCounts(tp, predicted, support);
            }
            case MACRO, WEIGHTED -> {
                double p = 0, r = 0, f = 0, total = 0;
                for (int j = 0; j < k; j++) {
                    double w = average == Average.MACRO ? 1 : c.support(j);
                    PrecisionRecall one = ofClass(c, j);
                    p += w * one.precision;
                    r += w * one.recall;
                    f += w * one.f1;
                    total += w;
                }
                yield total == 0 ? new PrecisionRecall(0, 0, 0) : new PrecisionRecall(p / total, r / total, f / total);
            }
        };
    }

    static PrecisionRecall ofClass(Counts c, int k) {
        return fromCounts(c.truePositives(k), c.predicted(k), c.support(k));
    }

    private static PrecisionRecall fromCounts(long tp, long predicted, long support) {
        double p = predicted == 0 ? 0 : (double) tp / predicted;
        double r = support == 0 ? 0 : (double) tp / support;
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new PrecisionRecall(p, r, f);
    }
}
