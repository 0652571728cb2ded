package dev.nabla.bench.ml;

import dev.nabla.ml.linear.LogisticRegression;
import dev.nabla.ml.linear.Ridge;
import java.util.Map;
import java.util.Optional;

/**
 * The estimators this build can benchmark, by workload name. A workload without an entry prints
 * "not available in this build". Adding one is one line, e.g. once trees are merged:
 * {@code "random_forest", MlFit.classifier(() -> new RandomForestClassifier(new RandomForestClassifier.Options().nEstimators(100))),}
 * (see {@link MlWorkload} for each workload's hyper-parameters).
 */
final class MlRegistry {
    private static final Map<String, MlFit> FITS = Map.of(
            "logistic", MlFit.classifier(() -> new LogisticRegression(new LogisticRegression.Options().maxIter(200))),
            "ridge", MlFit.regressor(Ridge::new));

    private MlRegistry() {}

    static Optional<MlFit> lookup(String workload) {
        return Optional.ofNullable(FITS.get(workload));
    }
}
