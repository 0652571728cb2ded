package dev.nabla.ml.linear;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.ml.CvParity;
import dev.nabla.ml.Fixtures;
import dev.nabla.ml.Predictor;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SGD against sklearn. Each side shuffles with its own generator, so single runs differ by the shuffle's
 * noise; both sides average the 5-fold CV score over seeds 0..9 and those means agree within 1 point (0.01 R²).
 */
class SgdParityTest {
    private static final JsonNode CV = LinearSvcParityTest.REF.get("cv");

    static Stream<Arguments> cases() {
        SgdClassifier.Options c = new SgdClassifier.Options();
        SgdRegressor.Options r = new SgdRegressor.Options();
        return Stream.of(
                Arguments.of("sgd_hinge_breast_cancer", (LongFunction<Predictor>) s -> new SgdClassifier(c.seed(s))),
                Arguments.of("sgd_log_digits", (LongFunction<Predictor>) s -> new SgdClassifier(c.loss(SgdLoss.LOG_LOSS).seed(s))),
                Arguments.of("sgd_modified_huber_wine", (LongFunction<Predictor>) s -> new SgdClassifier(c.loss(SgdLoss.MODIFIED_HUBER).seed(s))),
                Arguments.of("sgd_elasticnet_breast_cancer", (LongFunction<Predictor>) s -> new SgdClassifier(c.penalty(SgdPenalty.ELASTICNET).alpha(1e-3).seed(s))),
                Arguments.of("sgd_averaged_digits", (LongFunction<Predictor>) s -> new SgdClassifier(c.average(true).seed(s))),
                Arguments.of("sgd_squared_diabetes", (LongFunction<Predictor>) s -> new SgdRegressor(r.seed(s))),
                Arguments.of("sgd_huber_diabetes", (LongFunction<Predictor>) s -> new SgdRegressor(r.loss(SgdLoss.HUBER).epsilon(20).seed(s))),
                Arguments.of("sgd_insensitive_diabetes", (LongFunction<Predictor>) s -> new SgdRegressor(r.loss(SgdLoss.EPSILON_INSENSITIVE).epsilon(5).eta0(0.1).seed(s))),
                Arguments.of("sgd_l1_diabetes", (LongFunction<Predictor>) s -> new SgdRegressor(r.penalty(SgdPenalty.L1).alpha(0.1).seed(s))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void seedAveragedCrossValidation(String key, LongFunction<Predictor> model) {
        JsonNode ref = CV.get(key);
        Fixtures.Data d = CvParity.bundled(ref.get("data").asText());
        int seeds = LinearSvcParityTest.REF.get("seeds").asInt();
        double ours = 0;
        for (long s = 0; s < seeds; s++) ours += CvParity.mean(CvParity.scores(model.apply(s), d.x(), d.y(), true)) / seeds;
        double theirs = CvParity.mean(Fixtures.doubles(ref.get("scores")));
        if (!(Math.abs(ours - theirs) <= 0.01)) throw new AssertionError(key + ": seed-averaged CV " + ours + " vs sklearn " + theirs);
    }
}
