package dev.nabla.ml.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Fixtures;
import dev.nabla.ml.SavedCopies;
import dev.nabla.ml.selection.CrossValidation;
import dev.nabla.ml.selection.StratifiedKFold;
import dev.nabla.ml.tree.TreeFixtures;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Forests: the same seed gives the same forest on 1 or 2 threads, OOB scores, importances, save/load, params. */
class ForestTest {
    private static final Fixtures.Data DATA = TreeFixtures.dataset("synthetic", true);

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Parallel.maxThreads());
    }

    @Test
    void sameForestOnOneAndTwoThreads() {
        RandomForestClassifier.Options o = new RandomForestClassifier.Options().nEstimators(30).randomState(42).oobScore(true);
        Parallel.setThreads(1);
        RandomForestClassifier one = new RandomForestClassifier(o).fit(DATA.x(), DATA.y());
        Parallel.setThreads(2);
        RandomForestClassifier two = new RandomForestClassifier(o).fit(DATA.x(), DATA.y());
        assertArrayEquals(one.predictProba(DATA.x()).toDoubleArray(), two.predictProba(DATA.x()).toDoubleArray());
        assertArrayEquals(one.featureImportances().toDoubleArray(), two.featureImportances().toDoubleArray());
        assertEquals(one.oobScore(), two.oobScore());
        for (int t = 0; t < 30; t++) assertArrayEquals(one.estimators()[t].threshold(), two.estimators()[t].threshold());

        ExtraTreesRegressor.Options r = new ExtraTreesRegressor.Options().nEstimators(20).randomState(3);
        Fixtures.Data reg = TreeFixtures.dataset("synthetic", false);
        Parallel.setThreads(1);
        double[] p1 = new ExtraTreesRegressor(r).fit(reg.x(), reg.y()).predict(reg.x()).toDoubleArray();
        Parallel.setThreads(2);
        assertArrayEquals(p1, new ExtraTreesRegressor(r).fit(reg.x(), reg.y()).predict(reg.x()).toDoubleArray());
    }

    @Test
    void differentSeedsGiveDifferentForests() {
        double[] a = new RandomForestClassifier(new RandomForestClassifier.Options().nEstimators(5).randomState(1)).fit(DATA.x(), DATA.y())
                .predictProba(DATA.x()).toDoubleArray();
        double[] b = new RandomForestClassifier(new RandomForestClassifier.Options().nEstimators(5).randomState(2)).fit(DATA.x(), DATA.y())
                .predictProba(DATA.x()).toDoubleArray();
        assertTrue(Fixtures.maxAbsDiff(a, b) > 0.1);
    }

    @Test
    void outOfBagScoreEstimatesHeldOutAccuracy() {
        RandomForestClassifier.Options o = new RandomForestClassifier.Options().randomState(0).oobScore(true);
        double oob = new RandomForestClassifier(o).fit(DATA.x(), DATA.y()).oobScore();
        double cv = TreeFixtures.mean(CrossValidation.crossValScore(new RandomForestClassifier(o), DATA.x(), DATA.y(), new StratifiedKFold(5)));
        assertEquals(cv, oob, 0.03);
        RandomForestRegressor.Options r = new RandomForestRegressor.Options().randomState(0).oobScore(true).nEstimators(50);
        Fixtures.Data reg = TreeFixtures.dataset("diabetes", false);
        double oobR2 = new RandomForestRegressor(r).fit(reg.x(), reg.y()).oobScore();
        assertEquals(TreeFixtures.CV.get("regression").get("diabetes").get("forest").asDouble(), oobR2, 0.06);
        assertThrows(IllegalArgumentException.class, () -> new RandomForestClassifier.Options().bootstrap(false).oobScore(true));
        assertThrows(IllegalStateException.class, () -> new RandomForestClassifier().fit(DATA.x(), DATA.y()).oobScore());
    }

    @Test
    void importancesFindTheInformativeFeatures() {
        // make_regression(n_informative=6) puts signal in 6 of 10 columns: the top 6 importances carry nearly all of it
        Fixtures.Data reg = TreeFixtures.dataset("synthetic", false);
        double[] imp = new RandomForestRegressor(new RandomForestRegressor.Options().nEstimators(50)).fit(reg.x(), reg.y())
                .featureImportances().toDoubleArray();
        double[] sorted = imp.clone();
        java.util.Arrays.sort(sorted);
        assertEquals(1.0, java.util.Arrays.stream(imp).sum(), 1e-12);
        assertTrue(sorted[4] + sorted[5] + sorted[6] + sorted[7] + sorted[8] + sorted[9] > 0.95, java.util.Arrays.toString(imp));
    }

    @Test
    void saveLoadAndParams() {
        ExtraTreesClassifier fitted = new ExtraTreesClassifier(new ExtraTreesClassifier.Options().nEstimators(10)).fit(DATA.x(), DATA.y());
        Tensor x = DATA.x();
        for (var loaded : SavedCopies.of(fitted))
            assertArrayEquals(fitted.predictProba(x).toDoubleArray(), ((ExtraTreesClassifier) loaded).predictProba(x).toDoubleArray());
        RandomForestRegressor changed = new RandomForestRegressor().setParams(Map.of("nEstimators", 7, "maxDepth", 3, "maxFeatures", dev.nabla.ml.tree.MaxFeatures.SQRT));
        assertEquals(7, changed.options().nEstimators());
        assertEquals(3, changed.options().maxDepth());
        assertEquals(dev.nabla.ml.tree.MaxFeatures.LOG2, new RandomForestClassifier().setParam("maxFeatures", "log2").options().maxFeatures());
        assertEquals(dev.nabla.ml.tree.MaxFeatures.count(3), new RandomForestClassifier().setParam("maxFeatures", 3).options().maxFeatures());
        assertEquals(dev.nabla.ml.tree.MaxFeatures.fraction(0.5), new RandomForestClassifier().setParam("maxFeatures", 0.5).options().maxFeatures());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> new RandomForestClassifier().setParam("maxFeatures", "half"));
        assertEquals("RandomForestClassifier: parameter 'maxFeatures': maxFeatures must be \"sqrt\", \"log2\", \"all\", an int count or a float fraction, got half",
                bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RandomForestRegressor().setParam("criterion", "gini"));
        assertThrows(IllegalArgumentException.class, () -> new RandomForestClassifier().setParam("nEstimators", 0));
    }
}
