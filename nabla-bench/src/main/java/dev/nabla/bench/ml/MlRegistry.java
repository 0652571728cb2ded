package dev.nabla.bench.ml;

import dev.nabla.ml.cluster.KMeans;
import dev.nabla.ml.decomposition.PCA;
import dev.nabla.ml.ensemble.HistGradientBoostingClassifier;
import dev.nabla.ml.ensemble.HistOptions;
import dev.nabla.ml.ensemble.RandomForestClassifier;
import dev.nabla.ml.linear.LogisticRegression;
import dev.nabla.ml.linear.Ridge;
import dev.nabla.ml.metrics.ClusteringMetrics;
import dev.nabla.ml.neighbors.KNeighborsClassifier;
import java.util.Map;
import java.util.Optional;

/**
 * The estimator each workload fits, with the same hyper-parameters as bench/reference_ml.py gives
 * scikit-learn (see {@link MlWorkload} for the data). Adding a workload is one line here.
 */
final class MlRegistry {
    private static final Map<String, MlFit> FITS = Map.of(
            "logistic", MlFit.classifier(() -> new LogisticRegression(new LogisticRegression.Options().maxIter(200))),
            "ridge", MlFit.regressor(Ridge::new),
            "random_forest", MlFit.classifier(() -> new RandomForestClassifier(new RandomForestClassifier.Options().nEstimators(100).randomState(0))),
            "hist_gradient_boosting", MlFit.classifier(() -> new HistGradientBoostingClassifier(new HistGradientBoostingClassifier.Options()
                    .maxIter(100).earlyStopping(HistOptions.EarlyStopping.OFF))),
            "knn", MlFit.classifierWithPredict(() -> new KNeighborsClassifier(new KNeighborsClassifier.Options().nNeighbors(5))),
            "kmeans", MlRegistry::kmeans,
            "pca", MlRegistry::pca);

    private MlRegistry() {}

    static Optional<MlFit> lookup(String workload) {
        return Optional.ofNullable(FITS.get(workload));
    }

    /** Times the fit; scores the adjusted Rand index of the clusters against the blob labels. */
    private static MlFit.Outcome kmeans(MlData d) {
        KMeans km = new KMeans(new KMeans.Options().nClusters(8).nInit(1).seed(0));
        long t0 = System.nanoTime();
        km.fit(d.xTrain());
        double seconds = (System.nanoTime() - t0) / 1e9;
        double score = d.yTrain() == null ? Double.NaN : ClusteringMetrics.adjustedRandScore(d.yTrain(), km.labels());
        return new MlFit.Outcome(seconds, score);
    }

    /** Times the fit; scores the explained variance ratio of the 10 kept components. */
    private static MlFit.Outcome pca(MlData d) {
        PCA pca = new PCA(new PCA.Options().nComponents(10));
        long t0 = System.nanoTime();
        pca.fit(d.xTrain());
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new MlFit.Outcome(seconds, pca.explainedVarianceRatio().sum().item());
    }
}
