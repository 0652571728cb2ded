package dev.nabla.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.linear.ElasticNet;
import dev.nabla.ml.linear.Lasso;
import dev.nabla.ml.linear.LinearRegression;
import dev.nabla.ml.linear.LogisticRegression;
import dev.nabla.ml.linear.Ridge;
import dev.nabla.ml.pipeline.Pipeline;
import dev.nabla.ml.preprocessing.MinMaxScaler;
import dev.nabla.ml.preprocessing.Normalizer;
import dev.nabla.ml.preprocessing.OneHotEncoder;
import dev.nabla.ml.preprocessing.OrdinalEncoder;
import dev.nabla.ml.preprocessing.PolynomialFeatures;
import dev.nabla.ml.preprocessing.RobustScaler;
import dev.nabla.ml.preprocessing.SimpleImputer;
import dev.nabla.ml.preprocessing.StandardScaler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The estimator contract every estimator keeps: params, clone, not-fitted errors, input checks, save/load. */
class ContractTest {
    private static final Fixtures.Data IRIS = Fixtures.dataset("iris");

    static Stream<Estimator> estimators() {
        return Stream.of(new StandardScaler(), new MinMaxScaler(), new RobustScaler(), new Normalizer(), new OneHotEncoder(),
                new OrdinalEncoder(), new SimpleImputer(), new PolynomialFeatures(), new LinearRegression(), new Ridge(), new Lasso(),
                new ElasticNet(), new LogisticRegression(), Pipeline.of("scale", new StandardScaler(), "clf", new LogisticRegression()));
    }

    private static Estimator fit(Estimator e) {
        if (e instanceof Predictor p) return p.fit(IRIS.x(), IRIS.y());
        return ((Transformer) e).fit(IRIS.x());
    }

    private static Tensor output(Estimator e) {
        return e instanceof Predictor p ? p.predict(IRIS.x()) : ((Transformer) e).transform(IRIS.x());
    }

    @ParameterizedTest
    @MethodSource("estimators")
    void notFittedThenFittedThenSavedAndLoaded(Estimator e, @TempDir Path dir) throws Exception {
        assertFalse(e.isFitted());
        NotFittedException nf = assertThrows(NotFittedException.class, () -> output(e));
        assertTrue(nf.getMessage().contains("is not fitted yet"), nf.getMessage());
        Tensor expected = output(fit(e));

        Path file = dir.resolve("model.json");
        ModelIO.save(e, file);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        Estimator loaded = ModelIO.load(file);
        assertEquals(e.getClass(), loaded.getClass());
        assertEquals(e.getParams().toString(), loaded.getParams().toString());
        assertTrue(expected.equal(output(loaded)), "loaded model gives the same output");
        assertTrue(expected.equal(output(SavedCopies.of(e).get(1))), "the model saved with its arrays as tensors gives the same output");

        Estimator copy = e.clone();
        assertFalse(copy.isFitted(), "clone is unfitted");
        assertEquals(e.getParams().toString(), copy.getParams().toString());
    }

    @Test
    void paramsAreOrderedValidatedAndImmutable() {
        Ridge ridge = new Ridge(new Ridge.Options().alpha(2.0));
        assertEquals(List.of("alpha", "fitIntercept"), List.copyOf(ridge.getParams().keySet()));
        Ridge changed = ridge.setParam("alpha", 3); // an int is accepted for a double
        assertEquals(3.0, changed.options().alpha());
        assertEquals(2.0, ridge.options().alpha(), "setParams leaves the original alone");
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> ridge.setParam("alpha", -1));
        assertEquals("Ridge: alpha must be a finite number >= 0, got -1.0", negative.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ridge.setParam("alpah", 1));
        assertTrue(unknown.getMessage().contains("unknown parameter 'alpah'; valid parameters: [alpha, fitIntercept]"), unknown.getMessage());
        assertEquals(SimpleImputer.Strategy.MOST_FREQUENT,
                new SimpleImputer().setParam("strategy", "most_frequent").options().strategy(), "enums accept sklearn's strings");
        assertEquals("Ridge(alpha=2.0, fitIntercept=true)", ridge.toString());
        assertEquals(dev.nabla.ml.linear.ClassWeight.BALANCED, new LogisticRegression().setParam("classWeight", "balanced").options().classWeight());
        assertEquals(dev.nabla.ml.linear.ClassWeight.of(Map.of(1.0, 2.0)),
                new LogisticRegression().setParam("classWeight", Map.of(1, 2)).options().classWeight(), "sklearn's {1: 2} spelling");
    }

    @Test
    void pipelineNestsParams() {
        Pipeline pipe = Pipeline.of("scale", new StandardScaler(), "clf", new LogisticRegression());
        assertEquals(1.0, pipe.getParams().get("clf.c"));
        Pipeline stronger = pipe.setParams(Map.of("clf.c", 0.1, "scale.withMean", false));
        assertEquals(0.1, stronger.getParams().get("clf.c"));
        assertEquals(false, stronger.getParams().get("scale.withMean"));
        assertEquals(1.0, pipe.getParams().get("clf.c"));
        Pipeline swapped = pipe.setParam("scale", new MinMaxScaler());
        assertInstanceOf(MinMaxScaler.class, swapped.getParams().get("scale"));
        assertThrows(IllegalArgumentException.class, () -> pipe.setParam("clf.nope", 1));
        assertThrows(IllegalArgumentException.class, () -> Pipeline.of("clf", new LogisticRegression(), "scale", new StandardScaler()));
        assertThrows(UnsupportedOperationException.class, () -> Pipeline.of("scale", new StandardScaler()).fit(IRIS.x()).predict(IRIS.x()));
    }

    @Test
    void inputErrorsNameTheEstimatorAndTheExpectation() {
        LogisticRegression lr = new LogisticRegression();
        Tensor x = IRIS.x(), y = IRIS.y();
        assertMessage("LogisticRegression: expected a 2-D X (n_samples, n_features), got shape [4]; reshape a single feature with x.reshape(-1, 1) or a single sample with x.reshape(1, -1)", () -> lr.fit(Nabla.ones(4).toDouble(), y));
        assertMessage("LogisticRegression: X has 150 samples but y has 149; they must match", () -> lr.fit(x, y.slice(0, 0, 149)));
        assertMessage("LogisticRegression: expected X of dtype float32 or float64, got int64; convert with x.toDouble()", () -> lr.fit(x.toLong(), y));
        assertMessage("LogisticRegression: needs samples of at least 2 classes in y, but y contains only one class: 0", () -> lr.fit(x.slice(0, 0, 50), y.slice(0, 0, 50)));
        double[] withNaN = x.toDoubleArray();
        withNaN[5] = Double.NaN;
        assertMessage("LogisticRegression: X contains NaN at row 1, column 1; expected finite values (impute missing values first, e.g. with SimpleImputer)",
                () -> lr.fit(Nabla.tensor(withNaN, 150, 4), y));
        lr.fit(x, y);
        assertMessage("LogisticRegression: X has 3 features, but LogisticRegression was fitted with 4", () -> lr.predict(x.slice(1, 0, 3)));
    }

    @Test
    void loadRefusesForeignClasses() {
        String json = "{\"format\":\"nabla-ml\",\"version\":1,\"estimator\":\"java.lang.Runtime\",\"params\":{},\"fitted\":false}";
        assertMessage("refusing to load 'java.lang.Runtime': not a dev.nabla.ml estimator", () -> ModelIO.fromJson(json));
    }

    @Test
    void classifierPredictionsKeepTheLabelDtype() {
        Tensor y = IRIS.y().toLong();
        LogisticRegression lr = new LogisticRegression().fit(IRIS.x(), y);
        assertEquals(dev.nabla.DType.INT64, lr.predict(IRIS.x()).dtype());
        assertTrue(lr.score(IRIS.x(), y) > 0.95);
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }
}
