package dev.nabla.ml.linear;

import static dev.nabla.ml.Fixtures.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Tensor;
import dev.nabla.ml.CvParity;
import dev.nabla.ml.Fixtures;
import dev.nabla.ml.preprocessing.StandardScaler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** LinearSVC against liblinear: the squared-hinge optimum is unique, so coefficients agree to 1e-5 when both solve tightly. */
class LinearSvcParityTest {
    static final JsonNode REF = Fixtures.load("models/linear_sgd.json");

    @ParameterizedTest
    @ValueSource(strings = {"breast_cancer", "iris"})
    void coefficients(String data) {
        JsonNode ref = REF.get("linear_svc_" + data);
        Fixtures.Data d = CvParity.bundled(data);
        Tensor xs = new StandardScaler().fitTransform(d.x());
        LinearSvc model = new LinearSvc(new LinearSvc.Options().c(ref.get("C").asDouble()).tol(1e-10).maxIter(100000)).fit(xs, d.y());
        assertClose(Fixtures.matrix(ref.get("coef")).toDoubleArray(), model.coef().toDoubleArray(), 1e-5, data + " coef");
        assertClose(Fixtures.doubles(ref.get("intercept")), model.intercept().toDoubleArray(), 1e-5, data + " intercept");
    }

    @ParameterizedTest
    @CsvSource({"linear_svc_iris, 1", "linear_svc_wine, 0.1", "linear_svc_breast_cancer, 1"})
    void crossValidatedAccuracy(String key, double c) {
        CvParity.assertFolds(new LinearSvc(new LinearSvc.Options().c(c)), REF.get("cv").get(key), true, 0.01, key);
    }
}
