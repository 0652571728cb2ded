package dev.nabla.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.linear.LogisticRegression;
import dev.nabla.ml.linear.Ridge;
import dev.nabla.ml.selection.CrossValidateResult;
import dev.nabla.ml.selection.CrossValidation;
import dev.nabla.ml.selection.Distribution;
import dev.nabla.ml.selection.GridSearchCV;
import dev.nabla.ml.selection.GroupKFold;
import dev.nabla.ml.selection.KFold;
import dev.nabla.ml.selection.ParamGrid;
import dev.nabla.ml.selection.RandomizedSearchCV;
import dev.nabla.ml.selection.Split;
import dev.nabla.ml.selection.StratifiedKFold;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** crossValidate's scorers and GroupKFold against scikit-learn; the searches' contract. */
class ModelSelectionTest {
    private static final JsonNode REF = Fixtures.load("selection.json");

    @Test
    void crossValidateScorersMatchSklearnForAClassifier() {
        JsonNode ref = REF.get("cv_classifier");
        Fixtures.Data data = Fixtures.dataset("breast_cancer");
        List<String> scoring = names(ref.get("scoring"));
        CrossValidateResult r = CrossValidation.crossValidate(GridSearchParityTest.logisticPipeline(), data.x(), data.y(),
                new StratifiedKFold(5), scoring, true);
        for (String s : scoring) {
            double tol = s.equals("neg_log_loss") ? 1e-4 : 1e-9; // log loss sees the ~1e-5 probability differences of two L-BFGS runs
            Fixtures.assertClose(Fixtures.doubles(ref.get("test_" + s)), r.get("test_" + s), tol, "test_" + s);
            Fixtures.assertClose(Fixtures.doubles(ref.get("train_" + s)), r.get("train_" + s), tol, "train_" + s);
        }
        assertEquals(5, r.get("fit_time").length);
        assertTrue(r.keys().containsAll(List.of("fit_time", "score_time", "test_accuracy", "train_roc_auc")));
    }

    @Test
    void crossValidateScorersMatchSklearnForARegressor() {
        JsonNode ref = REF.get("cv_regressor");
        Fixtures.Data data = Fixtures.dataset("diabetes");
        List<String> scoring = names(ref.get("scoring"));
        CrossValidateResult r = CrossValidation.crossValidate(new Ridge(new Ridge.Options().alpha(0.5)), data.x(), data.y(), new KFold(5), scoring, false);
        for (String s : scoring) Fixtures.assertClose(Fixtures.doubles(ref.get("test_" + s)), r.get("test_" + s), 1e-6, s);
        assertTrue(r.trainScores().isEmpty());
        var e = assertThrows(IllegalArgumentException.class, () -> r.get("train_r2"));
        assertTrue(e.getMessage().contains("test_r2"), e.getMessage());
    }

    @Test
    void unknownScorerListsTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> CrossValidation.crossValidate(new Ridge(), Nabla.zeros(10, 2).toDouble(),
                Nabla.zeros(10).toDouble(), new KFold(2), List.of("f1_macr0"), false));
        assertTrue(e.getMessage().contains("f1_macro") && e.getMessage().contains("f1_macr0"), e.getMessage());
    }

    @Test
    void groupKFoldMatchesSklearnAndNeverSplitsAGroup() {
        JsonNode ref = REF.get("group_kfold");
        Tensor groups = Fixtures.vector(ref.get("groups"));
        List<Split> splits = new GroupKFold(3).split(groups);
        double[] g = groups.toDoubleArray();
        for (int f = 0; f < 3; f++) {
            assertArrayEquals(ints(ref.get("test_folds").get(f)), splits.get(f).test(), "fold " + f);
            var testGroups = new HashSet<Double>();
            for (int i : splits.get(f).test()) testGroups.add(g[i]);
            for (int i : splits.get(f).train()) assertTrue(!testGroups.contains(g[i]), "group " + g[i] + " on both sides of fold " + f);
        }
        Tensor x = Nabla.zeros(g.length, 2).toDouble(), y = Nabla.arange(g.length).toDouble();
        assertEquals(3, CrossValidation.crossValScore(new Ridge(), x, y, new GroupKFold(3).over(groups)).length);
        assertThrows(IllegalArgumentException.class, () -> new GroupKFold(8).split(groups));
    }

    @Test
    void paramGridOrdersNamesAndVariesTheLastFastest() {
        List<Map<String, Object>> grid = ParamGrid.expand(Map.of("b", List.of(1, 2), "a", List.of("x", "y")));
        assertEquals(List.of(Map.of("a", "x", "b", 1), Map.of("a", "x", "b", 2), Map.of("a", "y", "b", 1), Map.of("a", "y", "b", 2)), grid);
        assertThrows(IllegalArgumentException.class, () -> ParamGrid.expand(Map.of("a", List.of())));
    }

    @Test
    void randomizedSearchIsSeededAndSamplesInRange() {
        Fixtures.Data data = Fixtures.dataset("diabetes");
        RandomizedSearchCV.Options o = new RandomizedSearchCV.Options(new Ridge(),
                Map.of("alpha", Distribution.logUniform(1e-3, 1e2), "fitIntercept", List.of(true, false)), 6).cv(new KFold(3)).seed(7);
        RandomizedSearchCV a = new RandomizedSearchCV(o).fit(data.x(), data.y()), b = new RandomizedSearchCV(o).fit(data.x(), data.y());
        assertEquals(a.cvResults().params(), b.cvResults().params());
        assertEquals(6, a.cvResults().size());
        for (Object alpha : a.cvResults().param("alpha")) assertTrue((double) alpha >= 1e-3 && (double) alpha < 1e2, "alpha " + alpha);
        assertEquals(a.bestParams(), a.cvResults().params().get(a.bestIndex()));
        // all lists: drawn from the grid without repeats, at most the grid's size
        RandomizedSearchCV grid = new RandomizedSearchCV(new RandomizedSearchCV.Options(new Ridge(),
                Map.of("alpha", List.of(0.1, 1.0, 10.0)), 10).cv(new KFold(3))).fit(data.x(), data.y());
        assertEquals(3, new HashSet<>(grid.cvResults().params()).size());
        int k = (int) Distribution.intRange(2, 5).sample(new dev.nabla.Generator(1));
        assertTrue(k >= 2 && k < 5);
    }

    @Test
    void searchContract() {
        Fixtures.Data data = Fixtures.dataset("iris");
        GridSearchCV search = new GridSearchCV(new GridSearchCV.Options(new LogisticRegression(), Map.of("c", List.of(0.1, 1.0))));
        assertThrows(NotFittedException.class, search::bestParams);
        assertEquals(0.1, search.setParam("estimator.c", 0.1).getParams().get("estimator.c"));
        search.fit(data.x(), data.y());
        assertEquals(data.y().size(0), search.predict(data.x()).size(0));
        assertArrayEquals(new double[] {0, 1, 2}, search.classes().toDoubleArray());
        String table = search.cvResults().toString();
        assertTrue(table.lines().findFirst().orElseThrow().contains("param_c") && table.contains("rank_test_score"), table);
        assertEquals(3, table.lines().count(), table);
        assertTrue(search.cvResults().columns().containsAll(List.of("mean_fit_time", "param_c", "params", "split4_test_score", "rank_test_score")));
        GridSearchCV noRefit = new GridSearchCV(new GridSearchCV.Options(new LogisticRegression(), Map.of("c", List.of(1.0))).refit(false)).fit(data.x(), data.y());
        assertThrows(IllegalStateException.class, noRefit::bestEstimator);
        var typo = assertThrows(IllegalArgumentException.class,
                () -> new GridSearchCV(new GridSearchCV.Options(new LogisticRegression(), Map.of("C", List.of(1.0)))).fit(data.x(), data.y()));
        assertTrue(typo.getMessage().contains("'C'"), typo.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> ModelIO.toJson(search));
    }

    private static List<String> names(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static int[] ints(JsonNode array) {
        int[] v = new int[array.size()];
        for (int i = 0; i < v.length; i++) v[i] = array.get(i).asInt();
        return v;
    }

    @Test
    void defaultFoldsFollowThePipelinesLastStep() {
        Fixtures.Data diabetes = Fixtures.dataset("diabetes"); // integral targets, but a regression
        var regression = dev.nabla.ml.pipeline.Pipeline.of("scale", new dev.nabla.ml.preprocessing.StandardScaler(), "ridge", new Ridge());
        assertArrayEquals(CrossValidation.crossValScore(regression, diabetes.x(), diabetes.y(), new KFold(5)),
                CrossValidation.crossValScore(regression, diabetes.x(), diabetes.y()), "plain folds, as sklearn's check_cv for a regressor");
        Fixtures.Data iris = Fixtures.dataset("iris");
        var classification = dev.nabla.ml.pipeline.Pipeline.of("scale", new dev.nabla.ml.preprocessing.StandardScaler(), "clf", new LogisticRegression());
        assertArrayEquals(CrossValidation.crossValScore(classification, iris.x(), iris.y(), new StratifiedKFold(5)),
                CrossValidation.crossValScore(classification, iris.x(), iris.y()));
    }
}
