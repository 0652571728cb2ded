package dev.nabla.nn.keras;

import dev.nabla.Tensor;

/** The fraction of samples whose predicted class ({@link Labels#predicted}) equals the target class. */
final class Accuracy implements Metric {
    private final String name;
    private final double threshold;
    private long correct, total;

    Accuracy(String name, double threshold) {
        this.name = name;
        this.threshold = threshold;
    }

    @Override public String name() { return name; }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        long[] predicted = Labels.predicted(name, predictions, threshold);
        long[] actual = Labels.actual(name, targets, predicted.length);
        for (int i = 0; i < predicted.length; i++) if (predicted[i] == actual[i]) correct++;
        total += predicted.length;
    }

    @Override public double result() { return total == 0 ? Double.NaN : (double) correct / total; }

    @Override public void reset() { correct = total = 0; }
}
