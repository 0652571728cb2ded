package dev.nabla.ml.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.Classifier;
import dev.nabla.ml.Fixtures;
import dev.nabla.ml.SavedCopies;
import dev.nabla.ml.NotFittedException;
import dev.nabla.ml.Predictor;
import dev.nabla.ml.ensemble.ExtraTreesRegressor;
import dev.nabla.ml.ensemble.HistGradientBoostingClassifier;
import dev.nabla.ml.ensemble.HistGradientBoostingRegressor;
import dev.nabla.ml.ensemble.HistOptions;
import dev.nabla.ml.ensemble.RandomForestClassifier;
import dev.nabla.ml.linear.ClassWeight;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The estimator contract for the tree models: not-fitted errors, save/load round trips, clone, input checks. */
class TreeContractTest {
    private static final Fixtures.Data CLS = TreeFixtures.dataset("iris", true);
    private static final Fixtures.Data REG = TreeFixtures.dataset("diabetes", false);

    static Stream<Predictor> models() {
        return Stream.of(new DecisionTreeClassifier(), new DecisionTreeRegressor(), new RandomForestClassifier(new RandomForestClassifier.Options().nEstimators(5)),
                new ExtraTreesRegressor(new ExtraTreesRegressor.Options().nEstimators(5)), new HistGradientBoostingClassifier(
                        new HistGradientBoostingClassifier.Options().maxIter(10)), new HistGradientBoostingRegressor(new HistGradientBoostingRegressor.Options().maxIter(10)));
    }

    @ParameterizedTest
    @MethodSource("models")
    void contract(Predictor model) {
        Fixtures.Data d = model instanceof Classifier ? CLS : REG;
        assertThrows(NotFittedException.class, () -> model.predict(d.x()));
        Predictor fitted = model.clone().fit(d.x(), d.y());
        for (var copy : SavedCopies.of(fitted)) {
            Predictor loaded = (Predictor) copy;
            assertArrayEquals(fitted.predict(d.x()).toDoubleArray(), loaded.predict(d.x()).toDoubleArray());
            if (fitted instanceof Classifier c)
                assertArrayEquals(c.predictProba(d.x()).toDoubleArray(), ((Classifier) loaded).predictProba(d.x()).toDoubleArray());
        }
        assertEquals(model.getParams(), fitted.clone().getParams());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> fitted.predict(d.x().slice(1, 0, 2)));
        assertTrue(wrong.getMessage().contains("features"), wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.clone().fit(d.x(), d.y().slice(0, 0, 3)));
    }

    @Test
    void optionChecksNameTheProblem() {
        assertThrows(IllegalArgumentException.class, () -> new DecisionTreeClassifier.Options().criterion(Criterion.SQUARED_ERROR));
        assertThrows(IllegalArgumentException.class, () -> new DecisionTreeRegressor.Options().minSamplesSplit(1));
        assertThrows(IllegalArgumentException.class, () -> new DecisionTreeRegressor.Options().maxDepth(0));
        assertThrows(IllegalArgumentException.class, () -> MaxFeatures.fraction(1.5));
        assertThrows(IllegalArgumentException.class, () -> new HistGradientBoostingClassifier.Options().maxBins(256));
        assertEquals(5, new DecisionTreeClassifier().setParams(Map.of("maxDepth", 5, "criterion", "entropy")).options().maxDepth());
        // NaN is a missing value for gradient boosting only
        Tensor withNaN = Nabla.tensor(new double[] {1, Double.NaN, 3, 4}, 4, 1);
        Tensor y = Nabla.tensor(new double[] {0, 1, 0, 1}, 4);
        assertThrows(IllegalArgumentException.class, () -> new DecisionTreeClassifier().fit(withNaN, y));
        new HistGradientBoostingClassifier(new HistGradientBoostingClassifier.Options().maxIter(2).minSamplesLeaf(1)).fit(withNaN, y);
    }

    @Test
    void balancedClassWeightsHelpTheMinorityClass() {
        // breast cancer is 37% malignant (class 0): balanced weights shift a shallow tree's probability towards it
        Fixtures.Data d = TreeFixtures.dataset("breast_cancer", true);
        DecisionTreeClassifier.Options o = new DecisionTreeClassifier.Options().maxDepth(2);
        double[] plain = new DecisionTreeClassifier(o).fit(d.x(), d.y()).predictProba(d.x()).toDoubleArray();
        double[] balanced = new DecisionTreeClassifier(o.classWeight(ClassWeight.BALANCED)).fit(d.x(), d.y()).predictProba(d.x()).toDoubleArray();
        double meanPlain = 0, meanBalanced = 0;
        for (int i = 0; i < plain.length; i += 2) {
            meanPlain += plain[i];
            meanBalanced += balanced[i];
        }
        assertTrue(meanBalanced > meanPlain, "class 0 (the minority) gets more probability with balanced weights");
    }

    @Test
    void earlyStoppingStopsOnAPlateau() {
        Fixtures.Data d = TreeFixtures.dataset("breast_cancer", true);
        HistGradientBoostingClassifier m = new HistGradientBoostingClassifier(new HistGradientBoostingClassifier.Options()
                .earlyStopping(HistOptions.EarlyStopping.ON).maxIter(500)).fit(d.x(), d.y());
        assertTrue(m.nIter() < 500, "stopped after " + m.nIter());
        assertEquals(m.nIter() + 1, m.validationScores().length);
    }
}
