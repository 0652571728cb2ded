package dev.nabla.ml.svm;

import static dev.nabla.ml.Fixtures.assertClose;
import static dev.nabla.ml.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Tensor;
import dev.nabla.ml.CvParity;
import dev.nabla.ml.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SVR against sklearn: same support set, dual coefficients to the solver tolerance, CV R² per fold within 0.01. */
class SvrParityTest {
    private static final JsonNode REF = SvcParityTest.REF;

    @Test
    void dualSolution() {
        JsonNode ref = REF.get("small_regression");
        Tensor x = Fixtures.matrix(ref.get("X")), y = Fixtures.vector(ref.get("y"));
        Svr model = new Svr(new Svr.Options().tol(SvcParityTest.TIGHT).c(ref.get("C").asDouble()).epsilon(ref.get("epsilon").asDouble())).fit(x, y);
        assertArrayEquals(SvcParityTest.ints(ref.get("support")), model.support());
        double scale = ref.get("C").asDouble();
        assertClose(doubles(ref.get("dual_coef")), model.dualCoef().toDoubleArray(), 1e-3 * scale, "dual_coef");
        assertClose(new double[] {ref.get("intercept").asDouble()}, new double[] {model.intercept()}, 1e-2, "intercept");
        assertClose(doubles(ref.get("predict")), model.predict(x.slice(0, 0, 20)).toDoubleArray(), 1e-2, "predict");
    }

    @ParameterizedTest
    @CsvSource({"svr_rbf_diabetes, RBF, 100", "svr_linear_diabetes, LINEAR, 10"})
    void crossValidatedR2(String key, Kernel kernel, double c) {
        CvParity.assertFolds(new Svr(new Svr.Options().kernel(kernel).c(c).epsilon(1.0)), REF.get("cv").get(key), true, 0.01, key);
    }
}
