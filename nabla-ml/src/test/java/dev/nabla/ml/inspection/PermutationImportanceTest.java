package dev.nabla.ml.inspection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.ml.Fixtures;
import dev.nabla.ml.ensemble.RandomForestRegressor;
import dev.nabla.ml.tree.TreeFixtures;
import org.junit.jupiter.api.Test;

/** Permutation importance ranks informative features first and ignores noise; seeded, so repeatable. */
class PermutationImportanceTest {
    @Test
    void informativeFeaturesMatterNoiseDoesNot() {
        Fixtures.Data d = TreeFixtures.dataset("synthetic", false);
        RandomForestRegressor model = new RandomForestRegressor(new RandomForestRegressor.Options().nEstimators(30)).fit(d.x(), d.y());
        PermutationImportance.Result r = PermutationImportance.compute(model, d.x(), d.y(), 3, 0);
        double[] impurity = model.featureImportances().toDoubleArray();
        // make_regression(n_informative=6): the 4 features with the least impurity importance are noise
        int[] order = java.util.stream.IntStream.range(0, impurity.length).boxed()
                .sorted((a, b) -> Double.compare(impurity[a], impurity[b])).mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < 4; i++) assertEquals(0, r.mean()[order[i]], 0.02, "noise feature " + order[i]);
        assertTrue(r.mean()[order[9]] > 0.1, "top feature");
        assertEquals(3, r.importances()[0].length);
        assertArrayEquals(r.mean(), PermutationImportance.compute(model, d.x(), d.y(), 3, 0).mean());
    }
}
