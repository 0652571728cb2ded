package dev.nabla.nn.keras;

import dev.nabla.Tensor;
import java.util.Arrays;

/** Class labels from predictions and targets, as the classification metrics read them. */
final class Labels {
    private Labels() {}

    /**
     * Predicted classes: the argmax of [N, C] scores (C > 1), or 1 where a single score per sample
     * ([N] or [N, 1]) exceeds threshold (0.5 for probabilities, 0 for logits).
     */
    static long[] predicted(String metric, Tensor predictions, double threshold) {
        if (isSingleScore(predictions)) {
            double[] p = predictions.toDoubleArray();
            long[] labels = new long[p.length];
            for (int i = 0; i < p.length; i++) labels[i] = p[i] > threshold ? 1 : 0;
            return labels;
        }
        if (predictions.dim() != 2)
            throw new IllegalArgumentException(metric + ": expected predictions [N, C], [N, 1] or [N], got " + Arrays.toString(predictions.shape()));
        return predictions.argmax(1, false).toLongArray();
    }

    /** True classes: class indices [N] (or [N, 1]; 0/1 floats for binary targets) or one-hot / probability rows [N, C]. */
    static long[] actual(String metric, Tensor targets, int n) {
        long[] labels;
        if (targets.dim() == 2 && targets.size(1) > 1) labels = targets.argmax(1, false).toLongArray();
        else if (targets.dtype().isFloatingPoint()) labels = Arrays.stream(targets.toDoubleArray()).mapToLong(Math::round).toArray();
        else labels = targets.toLongArray();
        if (labels.length != n)
            throw new IllegalArgumentException(metric + ": " + n + " predictions but targets of shape " + Arrays.toString(targets.shape()));
        return labels;
    }

    static boolean isSingleScore(Tensor predictions) {
        return predictions.dim() == 1 || (predictions.dim() == 2 && predictions.size(1) == 1);
    }
}
