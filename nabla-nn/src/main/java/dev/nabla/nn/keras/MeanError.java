package dev.nabla.nn.keras;

import dev.nabla.Tensor;
import java.util.Arrays;

/** The mean absolute or squared difference over every element seen since the last reset. */
final class MeanError implements Metric {
    private final boolean squared;
    private double sum;
    private long count;

    MeanError(boolean squared) {
        this.squared = squared;
    }

    @Override public String name() { return squared ? "mse" : "mae"; }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        // Compared element for element: broadcasting [N, 1] against [N] would silently compare N x N pairs.
        if (predictions.numel() != targets.numel())
            throw new IllegalArgumentException(name() + ": predictions " + Arrays.toString(predictions.shape()) + " and targets "
                    + Arrays.toString(targets.shape()) + " have different element counts");
        double[] p = predictions.toDoubleArray(), t = targets.toDoubleArray();
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - t[i];
            sum += squared ? d * d : Math.abs(d);
        }
        count += p.length;
    }

    @Override public double result() { return count == 0 ? Double.NaN : sum / count; }

    @Override public void reset() { sum = count = 0; }
}
