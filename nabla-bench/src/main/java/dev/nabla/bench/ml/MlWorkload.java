package dev.nabla.bench.ml;

import dev.nabla.Tensor;
import dev.nabla.data.Npy;
import dev.nabla.ml.datasets.MakeBlobs;
import dev.nabla.ml.datasets.MakeClassification;
import dev.nabla.ml.datasets.MakeRegression;
import dev.nabla.ml.datasets.Samples;
import dev.nabla.ml.selection.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One `bench ml` workload: the estimator, its training size and the seeded synthetic data it fits.
 * bench/reference_ml.py makes the same shapes with scikit-learn's make_* functions (same parameters,
 * seed 0) and writes them as .npy, which {@link #load} reads so both libraries fit identical arrays.
 *
 * @param testRows held-out rows scored after the fit (for knn: the queries whose prediction is timed)
 */
public record MlWorkload(String name, String estimator, Generator generator, int rows, int cols, int testRows) {
    /** The make_* function and its parameters. */
    public enum Generator { CLASSIFICATION, BLOBS, REGRESSION }

    public static final List<MlWorkload> ALL = List.of(
            new MlWorkload("logistic", "LogisticRegression", Generator.CLASSIFICATION, 50_000, 50, 10_000),
            new MlWorkload("random_forest", "RandomForestClassifier", Generator.CLASSIFICATION, 50_000, 20, 10_000),
            new MlWorkload("hist_gradient_boosting", "HistGradientBoostingClassifier", Generator.CLASSIFICATION, 200_000, 20, 20_000),
            new MlWorkload("kmeans", "KMeans", Generator.BLOBS, 200_000, 10, 0),
            new MlWorkload("pca", "PCA", Generator.CLASSIFICATION, 100_000, 100, 0),
            new MlWorkload("knn", "KNeighborsClassifier", Generator.CLASSIFICATION, 50_000, 20, 10_000),
            new MlWorkload("ridge", "Ridge", Generator.REGRESSION, 200_000, 100, 20_000));

    /** The same workload with rows and test rows divided by factor (at least 200 and 50): --quick. */
    public MlWorkload shrunk(int factor) {
        return new MlWorkload(name, estimator, generator, Math.max(200, rows / factor), cols, testRows == 0 ? 0 : Math.max(50, testRows / factor));
    }

    /** Synthetic data, seed 0; the first rows train, the rest test (the generators shuffle). */
    public MlData generate() {
        int n = rows + testRows;
        Samples s = switch (generator) {
            case CLASSIFICATION -> MakeClassification.generate(new MakeClassification.Options().nSamples(n).nFeatures(cols)
                    .nInformative(Math.min(10, cols)).nRedundant(Math.min(5, cols - Math.min(10, cols))).seed(0));
            case BLOBS -> MakeBlobs.generate(new MakeBlobs.Options().nSamples(n).nFeatures(cols).centers(8).seed(0));
            case REGRESSION -> MakeRegression.generate(new MakeRegression.Options().nSamples(n).nFeatures(cols).nInformative(10).noise(10).seed(0));
        };
        int[] train = IntStream.range(0, rows).toArray(), test = IntStream.range(rows, n).toArray();
        return testRows == 0 ? new MlData(s.x(), s.y(), null, null)
                : new MlData(Split.rows(s.x(), train), Split.rows(s.y(), train), Split.rows(s.x(), test), Split.rows(s.y(), test));
    }

    /** DIR/&lt;name&gt;/{X_train,y_train,X_test,y_test}.npy; y_train and the test files are optional where the workload needs none. */
    public MlData load(Path dir) throws IOException {
        Path d = dir.resolve(name);
        if (!Files.isRegularFile(d.resolve("X_train.npy")))
            throw new IOException("bench ml --data: " + d.resolve("X_train.npy") + " is missing (make it with bench/reference_ml.py make-data DIR)");
        return new MlData(Npy.read(d.resolve("X_train.npy")).toDouble(), optional(d.resolve("y_train.npy")),
                optional(d.resolve("X_test.npy")), optional(d.resolve("y_test.npy")));
    }

    private static Tensor optional(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return null;
        Tensor t = Npy.read(file);
        return t.dim() == 2 ? t.toDouble() : t;
    }
}
