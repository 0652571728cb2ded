package dev.nabla.ml;

import static dev.nabla.ml.Fixtures.assertClose;
import static dev.nabla.ml.Fixtures.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Tensor;
import dev.nabla.ml.linear.ClassWeight;
import dev.nabla.ml.linear.LogisticRegression;
import dev.nabla.ml.pipeline.Pipeline;
import dev.nabla.ml.preprocessing.StandardScaler;
import dev.nabla.ml.selection.CrossValidation;
import dev.nabla.ml.selection.StratifiedKFold;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LogisticRegression against scikit-learn's lbfgs: unique L2 optimum to ~1e-4, CV accuracy within 1 point. */
class LogisticParityTest {
    private static final JsonNode REF = Fixtures.load("logistic.json");

    @ParameterizedTest
    @ValueSource(strings = {"binary", "multinomial", "balanced"})
    void coefficientsProbabilitiesAndCrossValidation(String key) {
        JsonNode ref = REF.get(key);
        Fixtures.Data data = Fixtures.dataset(ref.get("data").asText());
        LogisticRegression.Options options = new LogisticRegression.Options().c(ref.get("C").asDouble())
                .classWeight(ref.get("balanced").asBoolean() ? ClassWeight.BALANCED : ClassWeight.NONE);
        Tensor xs = new StandardScaler().fitTransform(data.x());
        LogisticRegression model = new LogisticRegression(options.tol(1e-10).maxIter(10000)).fit(xs, data.y());
        double[] coef = flatten(ref.get("coef"));
        assertClose(coef, model.coef().toDoubleArray(), 1e-4 * Math.max(1, maxAbs(coef)), key + " coef");
        assertClose(doubles(ref.get("intercept")), model.intercept().toDoubleArray(), 1e-4 * Math.max(1, maxAbs(coef)), key + " intercept");
        assertClose(flatten(ref.get("proba5")), model.predictProba(xs.slice(0, 0, 5)).toDoubleArray(), 1e-5, key + " probabilities");

        Pipeline pipe = Pipeline.of("scale", new StandardScaler(), "clf", new LogisticRegression(options));
        double[] cv = CrossValidation.crossValScore(pipe, data.x(), data.y(), new StratifiedKFold(5));
        assertClose(doubles(ref.get("cv_accuracy")), cv, 0.01, key + " 5-fold accuracy");
    }

    static double[] flatten(JsonNode rows) {
        return Fixtures.matrix(rows).toDoubleArray();
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }
}
