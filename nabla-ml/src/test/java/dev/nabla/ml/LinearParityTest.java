package dev.nabla.ml;

import static dev.nabla.ml.Fixtures.assertClose;
import static dev.nabla.ml.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.ml.linear.ElasticNet;
import dev.nabla.ml.linear.Lasso;
import dev.nabla.ml.linear.LinearRegression;
import dev.nabla.ml.linear.LinearRegressorBase;
import dev.nabla.ml.linear.Ridge;
import dev.nabla.ml.selection.CrossValidation;
import dev.nabla.ml.selection.KFold;
import org.junit.jupiter.api.Test;

/** Coefficients, predictions and 5-fold CV R² against scikit-learn on the diabetes data. */
class LinearParityTest {
    private static final Fixtures.Data DIABETES = Fixtures.dataset("diabetes");
    private static final JsonNode REF = Fixtures.load("linear.json");

    @Test
    void linearRegression() {
        check("LinearRegression", new LinearRegression(), 1e-6);
    }

    @Test
    void ridge() {
        check("Ridge", new Ridge(new Ridge.Options().alpha(1.0)), 1e-6);
        check("RidgeNoIntercept", new Ridge(new Ridge.Options().alpha(0.5).fitIntercept(false)), 1e-6);
    }

    @Test
    void lasso() {
        // a port of sklearn's cd_fast (same sweep order and duality-gap stop), so it stops at the same iterate
        check("Lasso", new Lasso(new Lasso.Options().alpha(0.1)), 1e-9);
    }

    @Test
    void elasticNet() {
        check("ElasticNet", new ElasticNet(new ElasticNet.Options().alpha(0.01).l1Ratio(0.5)), 1e-9);
    }

    private static void check(String key, LinearRegressorBase<?, ?> model, double coefTol) {
        JsonNode ref = REF.get(key);
        model.fit(DIABETES.x(), DIABETES.y());
        double scale = Math.max(1, maxAbs(doubles(ref.get("coef"))));
        assertClose(doubles(ref.get("coef")), model.coef().toDoubleArray(), coefTol * scale, key + " coef");
        assertEquals(ref.get("intercept").asDouble(), model.intercept(), coefTol * scale, key + " intercept");
        assertClose(doubles(ref.get("predict5")), model.predict(DIABETES.x().slice(0, 0, 5)).toDoubleArray(), coefTol * scale, key + " predictions");
        double[] cv = CrossValidation.crossValScore(model, DIABETES.x(), DIABETES.y(), new KFold(5));
        assertClose(doubles(ref.get("cv_r2")), cv, 0.01, key + " 5-fold R2");
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }
}
