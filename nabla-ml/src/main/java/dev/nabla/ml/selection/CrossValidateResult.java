package dev.nabla.ml.selection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link CrossValidation#crossValidate} measured, one value per fold: fit and score seconds, and
 * the scores of each named scorer on the held-out rows (train rows only when asked for, else empty).
 */
public record CrossValidateResult(double[] fitTime, double[] scoreTime, Map<String, double[]> testScores, Map<String, double[]> trainScores) {
    public CrossValidateResult {
        testScores = Collections.unmodifiableMap(new LinkedHashMap<>(testScores));
        trainScores = Collections.unmodifiableMap(new LinkedHashMap<>(trainScores));
    }

    /** A column by sklearn's key: "fit_time", "score_time", "test_&lt;scorer&gt;" or "train_&lt;scorer&gt;". */
    public double[] get(String key) {
        double[] v = switch (key) {
            case "fit_time" -> fitTime;
            case "score_time" -> scoreTime;
            default -> key.startsWith("test_") ? testScores.get(key.substring(5))
                    : key.startsWith("train_") ? trainScores.get(key.substring(6)) : null;
        };
        if (v == null) throw new IllegalArgumentException("crossValidate: no result '" + key + "'; keys: " + keys());
        return v.clone();
    }

    /** The keys, in sklearn's order. */
    public List<String> keys() {
        List<String> k = new ArrayList<>(List.of("fit_time", "score_time"));
        testScores.keySet().forEach(s -> k.add("test_" + s));
        trainScores.keySet().forEach(s -> k.add("train_" + s));
        return k;
    }

    /** The mean over folds of the test scores of one scorer. */
    public double meanTestScore(String scorer) {
        return Stats.mean(get("test_" + scorer));
    }
}
