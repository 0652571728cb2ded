package dev.nabla.ml;

import static dev.nabla.ml.Fixtures.assertClose;
import static dev.nabla.ml.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Tensor;
import dev.nabla.ml.linear.LogisticPenalty;
import dev.nabla.ml.linear.LogisticRegression;
import dev.nabla.ml.linear.LogisticSolver;
import dev.nabla.ml.pipeline.Pipeline;
import dev.nabla.ml.preprocessing.StandardScaler;
import dev.nabla.ml.selection.CrossValidation;
import dev.nabla.ml.selection.StratifiedKFold;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LogisticRegression's SAGA solver against scikit-learn's saga (scripts/fixtures/make_ml_logistic_penalty_fixtures.py):
 * both fitted tightly reach the unique penalised optimum, coefficients to ~1e-3, the same zero pattern for L1,
 * CV accuracy within 1 point.
 */
class LogisticPenaltyParityTest {
    private static final JsonNode REF = Fixtures.load("logistic_penalty.json");

    @ParameterizedTest
    @ValueSource(strings = {"l1_binary", "elasticnet_binary", "l2_binary", "l1_multinomial", "elasticnet_multinomial"})
    void sagaMatchesSklearn(String key) {
        JsonNode ref = REF.get(key);
        Fixtures.Data data = Fixtures.dataset(ref.get("data").asText());
        LogisticRegression.Options options = new LogisticRegression.Options().solver(LogisticSolver.SAGA)
                .c(ref.get("C").asDouble()).l1Ratio(ref.get("l1_ratio").asDouble())
                .penalty(LogisticPenalty.valueOf(ref.get("penalty").asText().toUpperCase(Locale.ROOT)));
        Tensor xs = new StandardScaler().fitTransform(data.x());
        LogisticRegression model = new LogisticRegression(options.tol(1e-10).maxIter(200000)).fit(xs, data.y());
        double[] coef = LogisticParityTest.flatten(ref.get("coef")), got = model.coef().toDoubleArray();
        double scale = Math.max(1, maxAbs(coef));
        assertClose(coef, got, 1e-3 * scale, key + " coef");
        assertClose(doubles(ref.get("intercept")), model.intercept().toDoubleArray(), 1e-3 * scale, key + " intercept");
        assertClose(LogisticParityTest.flatten(ref.get("proba5")), model.predictProba(xs.slice(0, 0, 5)).toDoubleArray(), 1e-3, key + " probabilities");
        if (!ref.get("penalty").asText().equals("l2"))
            for (int j = 0; j < coef.length; j++)
                assertEquals(coef[j] == 0, got[j] == 0, key + " zero pattern at " + j + ": sklearn " + coef[j] + ", nabla " + got[j]);

        Pipeline pipe = Pipeline.of("scale", new StandardScaler(), "clf", new LogisticRegression(options.tol(1e-4).maxIter(1000)));
        double[] cv = CrossValidation.crossValScore(pipe, data.x(), data.y(), new StratifiedKFold(5));
        assertClose(doubles(ref.get("cv_accuracy")), cv, 0.01 + 1e-9, key + " 5-fold accuracy");
    }

    @Test
    void lbfgsRefusesL1AndElasticnet() {
        Fixtures.Data data = Fixtures.dataset("iris");
        for (LogisticPenalty p : new LogisticPenalty[] {LogisticPenalty.L1, LogisticPenalty.ELASTICNET})
            assertThrows(IllegalArgumentException.class,
                    () -> new LogisticRegression(new LogisticRegression.Options().penalty(p)).fit(data.x(), data.y()));
    }

    @Test
    void sagaWithL2MatchesLbfgs() {
        Fixtures.Data data = Fixtures.dataset("wine");
        Tensor xs = new StandardScaler().fitTransform(data.x());
        LogisticRegression.Options o = new LogisticRegression.Options().c(0.5).tol(1e-10).maxIter(100000);
        double[] lbfgs = new LogisticRegression(o).fit(xs, data.y()).coef().toDoubleArray();
        double[] saga = new LogisticRegression(o.solver(LogisticSolver.SAGA)).fit(xs, data.y()).coef().toDoubleArray();
        assertClose(lbfgs, saga, 1e-4, "L2 optimum, lbfgs vs saga");
    }

    @Test
    void noPenaltyIsTheLimitOfLargeC() {
        Fixtures.Data data = Fixtures.dataset("iris");
        Tensor xs = new StandardScaler().fitTransform(data.x());
        LogisticRegression.Options o = new LogisticRegression.Options().tol(1e-8).maxIter(10000);
        double[] none = new LogisticRegression(o.penalty(LogisticPenalty.NONE)).fit(xs, data.y()).predictProba(xs).toDoubleArray();
        double[] largeC = new LogisticRegression(o.c(1e8)).fit(xs, data.y()).predictProba(xs).toDoubleArray();
        assertClose(largeC, none, 1e-3, "penalty NONE vs C = 1e8");
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }
}
