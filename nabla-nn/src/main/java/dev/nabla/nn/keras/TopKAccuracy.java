package dev.nabla.nn.keras;

import dev.nabla.Tensor;
import java.util.Arrays;

/** The fraction of samples whose target class is among the k highest of the [N, C] scores. */
final class TopKAccuracy implements Metric {
    private final int k;
    private long hits, total;

    TopKAccuracy(int k) {
        if (k < 1) throw new IllegalArgumentException("top-k accuracy: k must be >= 1, got " + k);
        this.k = k;
    }

    @Override public String name() { return "top_" + k + "_accuracy"; }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        if (predictions.dim() != 2 || predictions.size(1) < k)
            throw new IllegalArgumentException(name() + ": expected scores [N, C] with C >= " + k + ", got " + Arrays.toString(predictions.shape()));
        int n = predictions.size(0);
        long[] top = predictions.topk(k, 1, true, false).indices().toLongArray();
        long[] actual = Labels.actual(name(), targets, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < k; j++)
                if (top[i * k + j] == actual[i]) {
                    hits++;
                    break;
                }
        total += n;
    }

    @Override public double result() { return total == 0 ? Double.NaN : (double) hits / total; }

    @Override public void reset() { hits = total = 0; }
}
