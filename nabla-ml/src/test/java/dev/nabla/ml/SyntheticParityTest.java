package dev.nabla.ml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Tensor;
import dev.nabla.ml.linear.LinearSvc;
import dev.nabla.ml.linear.SgdClassifier;
import dev.nabla.ml.linear.SgdLoss;
import dev.nabla.ml.linear.SgdRegressor;
import dev.nabla.ml.naivebayes.GaussianNb;
import dev.nabla.ml.neighbors.KNeighborsClassifier;
import dev.nabla.ml.neighbors.KNeighborsRegressor;
import dev.nabla.ml.svm.Svc;
import dev.nabla.ml.svm.Svr;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * One estimator per family on sklearn's seeded make_classification / make_regression data (embedded in the
 * fixture): 5-fold scores averaged over seeds 0..9 (only SGD depends on them) within 1 point / 0.01 R².
 */
class SyntheticParityTest {
    private static final JsonNode REF = Fixtures.load("models/synthetic.json");

    @Test
    void classifiers() {
        check("classification", Map.of("svc", s -> new Svc(), "linear_svc", s -> new LinearSvc(new LinearSvc.Options().seed(s)),
                "sgd", s -> new SgdClassifier(new SgdClassifier.Options().loss(SgdLoss.LOG_LOSS).alpha(0.01).seed(s)),
                "knn", s -> new KNeighborsClassifier(), "gaussian_nb", s -> new GaussianNb()));
    }

    @Test
    void regressors() {
        check("regression", Map.of("svr", s -> new Svr(new Svr.Options().c(100)), "sgd", s -> new SgdRegressor(new SgdRegressor.Options().seed(s)),
                "knn", s -> new KNeighborsRegressor()));
    }

    private static void check(String kind, Map<String, LongFunction<Predictor>> models) {
        Tensor x = Fixtures.matrix(REF.get(kind).get("X")), y = Fixtures.vector(REF.get(kind).get("y"));
        models.forEach((key, make) -> {
            boolean seeded = key.startsWith("sgd");
            int seeds = seeded ? 10 : 1;
            double ours = 0;
            for (long s = 0; s < seeds; s++) ours += CvParity.mean(CvParity.scores(make.apply(s), x, y, true)) / seeds;
            double theirs = CvParity.mean(Fixtures.doubles(REF.get("cv_" + kind).get(key)));
            if (!(Math.abs(ours - theirs) <= 0.01)) throw new AssertionError(kind + " " + key + ": CV " + ours + " vs sklearn " + theirs);
        });
    }
}
