package dev.nabla.ml.naivebayes;

import static dev.nabla.ml.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.Classifier;
import dev.nabla.ml.CvParity;
import dev.nabla.ml.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Naive Bayes against sklearn: closed-form fits, so parameters and probabilities agree to 1e-9; CV folds to 1 point. */
class NaiveBayesParityTest {
    private static final JsonNode REF = Fixtures.load("models/naive_bayes.json");
    private static final double EXACT = 1e-9;

    @Test
    void gaussian() {
        Fixtures.Data iris = CvParity.bundled("iris");
        JsonNode ref = REF.get("gaussian_iris");
        GaussianNb nb = new GaussianNb().fit(iris.x(), iris.y());
        assertClose(flat(ref.get("theta")), nb.theta().toDoubleArray(), EXACT, "theta");
        assertClose(flat(ref.get("var")), nb.var().toDoubleArray(), EXACT, "var");
        assertClose(flat(ref.get("proba")), nb.predictProba(iris.x()).toDoubleArray(), EXACT, "proba");

        Fixtures.Data wine = CvParity.bundled("wine");
        GaussianNb withPriors = new GaussianNb(new GaussianNb.Options().priors(List.of(0.2, 0.3, 0.5)).varSmoothing(1e-3)).fit(wine.x(), wine.y());
        assertClose(flat(REF.get("gaussian_wine_priors").get("proba")), withPriors.predictProba(wine.x()).toDoubleArray(), EXACT, "priors proba");
    }

    @Test
    void multinomial() {
        Fixtures.Data d = CvParity.bundled("digits");
        Tensor every20th = d.x().slice(0, 0, d.x().size(0), 20);
        MultinomialNb nb = new MultinomialNb().fit(d.x(), d.y());
        assertClose(flat(REF.get("multinomial_digits").get("feature_log_prob")), nb.featureLogProb().toDoubleArray(), EXACT, "feature_log_prob");
        assertClose(flat(REF.get("multinomial_digits").get("proba")), nb.predictProba(every20th).toDoubleArray(), EXACT, "proba");
        MultinomialNb uniform = new MultinomialNb(new MultinomialNb.Options().alpha(0.5).fitPrior(false)).fit(d.x(), d.y());
        assertClose(flat(REF.get("multinomial_digits_uniform").get("proba")), uniform.predictProba(every20th).toDoubleArray(), EXACT, "uniform proba");
        assertThrows(IllegalArgumentException.class, () -> new MultinomialNb().fit(Nabla.tensor(new double[] {1, -1}, 2, 1), Nabla.tensor(new double[] {0, 1}, 2)));
    }

    @Test
    void bernoulli() {
        Fixtures.Data d = CvParity.bundled("digits");
        BernoulliNb nb = new BernoulliNb(new BernoulliNb.Options().binarize(4.0)).fit(d.x(), d.y());
        assertClose(flat(REF.get("bernoulli_digits").get("feature_log_prob")), nb.featureLogProb().toDoubleArray(), EXACT, "feature_log_prob");
        assertClose(flat(REF.get("bernoulli_digits").get("proba")), nb.predictProba(d.x().slice(0, 0, d.x().size(0), 20)).toDoubleArray(), EXACT, "proba");
    }

    @Test
    void crossValidatedAccuracy() {
        JsonNode cv = REF.get("cv");
        check(new GaussianNb(), cv, "gaussian_iris");
        check(new GaussianNb(), cv, "gaussian_wine");
        check(new GaussianNb(), cv, "gaussian_breast_cancer");
        check(new GaussianNb(), cv, "gaussian_digits");
        check(new MultinomialNb(), cv, "multinomial_digits");
        check(new BernoulliNb(new BernoulliNb.Options().binarize(4.0)), cv, "bernoulli_digits");
    }

    private static void check(Classifier model, JsonNode cv, String key) {
        CvParity.assertFolds(model, cv.get(key), false, 0.01, key);
    }

    private static double[] flat(JsonNode rows) {
        return Fixtures.matrix(rows).toDoubleArray();
    }
}
