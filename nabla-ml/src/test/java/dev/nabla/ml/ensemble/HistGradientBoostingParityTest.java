package dev.nabla.ml.ensemble;

import static dev.nabla.ml.Fixtures.assertClose;
import static dev.nabla.ml.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Tensor;
import dev.nabla.ml.Fixtures;
import dev.nabla.ml.selection.CrossValidation;
import dev.nabla.ml.selection.KFold;
import dev.nabla.ml.selection.StratifiedKFold;
import dev.nabla.ml.tree.TreeFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Histogram gradient boosting against scikit-learn. Without early stopping and subsampling sklearn's
 * fit is deterministic, so the same binning, gradients (float32) and leaf-wise growth must give its
 * probabilities and predictions; 5-fold scores within 1 point / 0.01 R2 on the bundled datasets.
 */
class HistGradientBoostingParityTest {
    private static final JsonNode EXACT = TreeFixtures.EXACT;

    @Test
    void multiclassProbabilitiesMatchSklearn() {
        JsonNode ref = EXACT.get("hgb_classifier");
        HistGradientBoostingClassifier model = new HistGradientBoostingClassifier(new HistGradientBoostingClassifier.Options()
                .maxIter(ref.get("maxIter").asInt()).earlyStopping(HistOptions.EarlyStopping.OFF))
                .fit(TreeFixtures.matrix("X"), Fixtures.vector(EXACT.get("y")));
        assertClose(Fixtures.matrix(ref.get("proba")).toDoubleArray(), model.predictProba(TreeFixtures.matrix("Xtest")).toDoubleArray(), 1e-9, "probabilities");
    }

    @Test
    void missingValuesFollowTheLearnedSide() {
        JsonNode ref = EXACT.get("hgb_missing");
        HistGradientBoostingClassifier model = new HistGradientBoostingClassifier(new HistGradientBoostingClassifier.Options()
                .maxIter(ref.get("maxIter").asInt()).earlyStopping(HistOptions.EarlyStopping.OFF))
                .fit(Fixtures.matrix(EXACT.get("Xmissing")), Fixtures.vector(EXACT.get("y")));
        Tensor xt = Fixtures.matrix(ref.get("XtestMissing"));
        assertClose(Fixtures.matrix(ref.get("proba")).toDoubleArray(), model.predictProba(xt).toDoubleArray(), 1e-9, "probabilities with NaN");
    }

    @Test
    void regressionMatchesSklearn() {
        JsonNode ref = EXACT.get("hgb_regressor");
        Tensor x = TreeFixtures.matrix("Xr");
        HistGradientBoostingRegressor model = new HistGradientBoostingRegressor(new HistGradientBoostingRegressor.Options()
                .maxIter(ref.get("maxIter").asInt()).earlyStopping(HistOptions.EarlyStopping.OFF)).fit(x, Fixtures.vector(EXACT.get("yr")));
        double[] expected = doubles(ref.get("predict"));
        assertClose(expected, model.predict(x).toDoubleArray(), 1e-12 * maxAbs(expected), "predictions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"iris", "wine", "breast_cancer", "digits", "synthetic", "synthetic_missing"})
    void classifierCrossValidation(String data) {
        Fixtures.Data d = TreeFixtures.dataset(data, true);
        double expected = TreeFixtures.CV.get("classification").get(data).get("hgb").asDouble();
        double got = TreeFixtures.mean(CrossValidation.crossValScore(new HistGradientBoostingClassifier(), d.x(), d.y(), new StratifiedKFold(5)));
        System.out.printf("PARITY hgb %s: nabla %.4f sklearn %.4f%n", data, got, expected);
        assertEquals(expected, got, 0.01, data + " accuracy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"diabetes", "synthetic"})
    void regressorCrossValidation(String data) {
        Fixtures.Data d = TreeFixtures.dataset(data, false);
        double expected = TreeFixtures.CV.get("regression").get(data).get("hgb").asDouble();
        double got = TreeFixtures.mean(CrossValidation.crossValScore(new HistGradientBoostingRegressor(), d.x(), d.y(), new KFold(5)));
        System.out.printf("PARITY hgbReg %s: nabla %.4f sklearn %.4f%n", data, got, expected);
        assertEquals(expected, got, 0.01, data + " R2");
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }
}
