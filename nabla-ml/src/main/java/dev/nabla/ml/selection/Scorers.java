package dev.nabla.ml.selection;

import dev.nabla.Tensor;
import dev.nabla.ml.Classifier;
import dev.nabla.ml.Predictor;
import dev.nabla.ml.metrics.Average;
import dev.nabla.ml.metrics.Metrics;
import dev.nabla.ml.selection.CrossValidation.Scorer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * scikit-learn's scorers by name ({@code scoring="f1_macro"}). Every scorer is "greater is better":
 * errors come negated ({@code neg_mean_squared_error}), as in sklearn, so a search can always maximise.
 */
public final class Scorers {
    private static final Map<String, Scorer> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("accuracy", labels(Metrics::accuracy));
        BY_NAME.put("balanced_accuracy", labels(Metrics::balancedAccuracy));
        for (String kind : new String[] {"f1", "precision", "recall"})
            for (Average avg : Average.values()) {
                String name = avg == Average.BINARY ? kind : kind + "_" + avg.name().toLowerCase(java.util.Locale.ROOT);
                BY_NAME.put(name, labels((t, p) -> switch (kind) {
                    case "f1" -> Metrics.f1(t, p, avg);
                    case "precision" -> Metrics.precision(t, p, avg);
                    default -> Metrics.recall(t, p, avg);
                }));
            }
        // sklearn ranks binary problems by decision_function when the classifier has one; all of ours do
        BY_NAME.put("roc_auc", (m, x, y) -> Metrics.rocAuc(y, classifier(m, "roc_auc").decisionFunction(x)));
        BY_NAME.put("roc_auc_ovr", (m, x, y) -> Metrics.rocAuc(y, classifier(m, "roc_auc_ovr").predictProba(x)));
        BY_NAME.put("neg_log_loss", (m, x, y) -> -Metrics.logLoss(y, classifier(m, "neg_log_loss").predictProba(x)));
        BY_NAME.put("r2", labels(Metrics::r2));
        BY_NAME.put("explained_variance", labels(Metrics::explainedVariance));
        BY_NAME.put("neg_mean_squared_error", labels((t, p) -> -Metrics.mse(t, p)));
        BY_NAME.put("neg_root_mean_squared_error", labels((t, p) -> -Metrics.rmse(t, p)));
        BY_NAME.put("neg_mean_absolute_error", labels((t, p) -> -Metrics.mae(t, p)));
    }

    private Scorers() {}

    /** The scorer called name; an unknown name lists the known ones. */
    public static Scorer get(String name) {
        Scorer s = BY_NAME.get(name);
        if (s == null) throw new IllegalArgumentException("unknown scorer '" + name + "'; known scorers: " + BY_NAME.keySet());
        return s;
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** A scorer from a metric of (y_true, y_pred). */
    public static Scorer labels(java.util.function.BiFunction<Tensor, Tensor, Double> metric) {
        return (m, x, y) -> metric.apply(y, m.predict(x));
    }

    private static Classifier classifier(Predictor p, String scorer) {
        if (p instanceof Classifier c) return c;
        throw new IllegalArgumentException("scorer '" + scorer + "' needs a classifier, got " + p.getClass().getSimpleName());
    }
}
