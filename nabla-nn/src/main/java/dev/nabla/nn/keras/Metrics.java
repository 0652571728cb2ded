package dev.nabla.nn.keras;

/**
 * The built-in {@link Metric}s. Classification metrics take [N, C] scores (logits or probabilities,
 * read by argmax) or one score per sample ([N] or [N, 1], class 1 above a threshold) against class
 * indices, 0/1 floats or one-hot rows. Each call returns a fresh, independent metric.
 */
public final class Metrics {
    /** How precision, recall and F1 combine classes: class 1 only, or the unweighted mean over classes. */
    public enum Average { BINARY, MACRO }

    private Metrics() {}

    /** "accuracy": single scores count as class 1 above 0.5 (probabilities). */
    public static Metric accuracy() {
        return new Accuracy("accuracy", 0.5);
    }

    /** "accuracy" of single scores against a threshold: 0 for logits, 0.5 for probabilities. */
    public static Metric binaryAccuracy(double threshold) {
        return new Accuracy("accuracy", threshold);
    }

    /** "top_k_accuracy" (e.g. "top_5_accuracy"): the target is among the k highest scores. */
    public static Metric topKAccuracy(int k) {
        return new TopKAccuracy(k);
    }

    /** "precision" (BINARY) or "macro_precision"; single scores are thresholded at 0.5. */
    public static Metric precision(Average average) {
        return new ClassScores(ClassScores.Score.PRECISION, average, 0.5);
    }

    public static Metric recall(Average average) {
        return new ClassScores(ClassScores.Score.RECALL, average, 0.5);
    }

    public static Metric f1(Average average) {
        return new ClassScores(ClassScores.Score.F1, average, 0.5);
    }

    /** As {@link #precision(Average)}, with single scores thresholded at threshold (0 for logits). */
    public static Metric precision(Average average, double threshold) {
        return new ClassScores(ClassScores.Score.PRECISION, average, threshold);
    }

    public static Metric recall(Average average, double threshold) {
        return new ClassScores(ClassScores.Score.RECALL, average, threshold);
    }

    public static Metric f1(Average average, double threshold) {
        return new ClassScores(ClassScores.Score.F1, average, threshold);
    }

    /** "auc": the exact ROC AUC of a binary classifier (scores [N], [N, 1] or [N, 2]). */
    public static Metric auc() {
        return new BinaryAuc();
    }

    /** "mae": mean absolute error over all elements. */
    public static Metric meanAbsoluteError() {
        return new MeanError(false);
    }

    /** "mse": mean squared error over all elements. */
    public static Metric meanSquaredError() {
        return new MeanError(true);
    }

    /**
     * A metric by name: "accuracy", "top_k_accuracy" with a number for k ("top_5_accuracy"),
     * "precision", "recall", "f1", "macro_precision", "macro_recall", "macro_f1", "auc", "mae", "mse".
     * Single scores are class 1 above threshold.
     */
    public static Metric named(String name, double threshold) {
        if (name.matches("top_\\d+_accuracy")) return topKAccuracy(Integer.parseInt(name.substring(4, name.length() - 9)));
        return switch (name) {
            case "accuracy" -> binaryAccuracy(threshold);
            case "precision" -> precision(Average.BINARY, threshold);
            case "recall" -> recall(Average.BINARY, threshold);
            case "f1" -> f1(Average.BINARY, threshold);
            case "macro_precision" -> precision(Average.MACRO, threshold);
            case "macro_recall" -> recall(Average.MACRO, threshold);
            case "macro_f1" -> f1(Average.MACRO, threshold);
            case "auc" -> auc();
            case "mae" -> meanAbsoluteError();
            case "mse" -> meanSquaredError();
            default -> throw new IllegalArgumentException("unknown metric '" + name + "'; known: accuracy, top_<k>_accuracy, precision, recall, f1, "
                    + "macro_precision, macro_recall, macro_f1, auc, mae, mse (or pass a Metric)");
        };
    }
}
