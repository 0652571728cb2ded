package dev.nabla.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.linear.LogisticRegression;
import dev.nabla.ml.linear.Ridge;
import dev.nabla.ml.pipeline.Pipeline;
import dev.nabla.ml.preprocessing.StandardScaler;
import dev.nabla.ml.selection.CvResults;
import dev.nabla.ml.selection.GridSearchCV;
import dev.nabla.ml.selection.KFold;
import dev.nabla.ml.selection.StratifiedKFold;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GridSearchCV against scikit-learn's on the same folds: same candidates, cv scores, ranks and best params. */
class GridSearchParityTest {
    private static final JsonNode REF = Fixtures.load("selection.json");

    static Pipeline logisticPipeline() {
        return Pipeline.of("scale", new StandardScaler(), "clf", new LogisticRegression(new LogisticRegression.Options().tol(1e-10).maxIter(10000)));
    }

    @Test
    void logisticCGridOnBreastCancerMatchesSklearn() {
        Fixtures.Data data = Fixtures.dataset("breast_cancer");
        GridSearchCV search = new GridSearchCV(new GridSearchCV.Options(logisticPipeline(),
                Map.of("clf.c", List.of(0.001, 0.01, 0.1, 1.0, 10.0, 100.0))).cv(new StratifiedKFold(5)).scoring("accuracy"))
                .fit(data.x(), data.y());
        assertMatches(REF.get("grid_logistic"), search, 1e-6);
        assertEquals(Map.of("clf.c", 1.0), search.bestParams());
        assertTrue(search.score(data.x(), data.y()) > 0.98);
    }

    @Test
    void ridgeGridOverTwoParametersMatchesSklearnInOrder() {
        Fixtures.Data data = Fixtures.dataset("diabetes");
        GridSearchCV search = new GridSearchCV(new GridSearchCV.Options(new Ridge(),
                Map.of("alpha", List.of(0.001, 0.01, 0.1, 1.0, 10.0), "fitIntercept", List.of(true, false)))
                .cv(new KFold(5)).scoring("neg_mean_squared_error")).fit(data.x(), data.y());
        assertMatches(REF.get("grid_ridge"), search, 1e-6);
    }

    /** Candidates in sklearn's order, per-split and mean scores within tol (relative to the score's size), same ranks and best. */
    private static void assertMatches(JsonNode ref, GridSearchCV search, double tol) {
        CvResults r = search.cvResults();
        JsonNode names = ref.get("param_names");
        for (int c = 0; c < r.size(); c++)
            for (var it = names.fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode expected = ref.get("params").get(c).get(e.getKey());
                Object actual = r.params().get(c).get(e.getValue().asText());
                assertEquals(expected.isBoolean() ? (Object) expected.asBoolean() : (Object) expected.asDouble(), actual, "candidate " + c);
            }
        double[] mean = Fixtures.doubles(ref.get("mean_test_score"));
        double scale = Math.max(1, Math.abs(mean[0]));
        Fixtures.assertClose(mean, r.column("mean_test_score"), tol * scale, "mean_test_score");
        Fixtures.assertClose(Fixtures.doubles(ref.get("std_test_score")), r.column("std_test_score"), tol * scale, "std_test_score");
        for (int f = 0; f < ref.get("split_test_scores").size(); f++)
            Fixtures.assertClose(Fixtures.doubles(ref.get("split_test_scores").get(f)), r.column("split" + f + "_test_score"), tol * scale, "split" + f);
        int[] rank = new int[r.size()];
        for (int c = 0; c < rank.length; c++) rank[c] = ref.get("rank_test_score").get(c).asInt();
        assertArrayEquals(rank, r.rankTestScore());
        assertEquals(ref.get("best_index").asInt(), search.bestIndex());
        assertEquals(ref.get("best_score").asDouble(), search.bestScore(), tol * scale);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Fixtures.Data data = Fixtures.dataset("breast_cancer");
        GridSearchCV.Options options = new GridSearchCV.Options(
                Pipeline.of("scale", new StandardScaler(), "clf", new LogisticRegression()),
                Map.of("clf.c", List.of(0.01, 0.1, 1.0, 10.0), "clf.fitIntercept", List.of(true, false))).scoring("neg_log_loss");
        int previous = Parallel.threads();
        try {
            // The Vector API's interpreted and JIT-compiled reductions may round differently, which is not
            // what this test is about: search at 1 thread until two runs in a row agree (the JIT settled).
            Parallel.setThreads(1);
            GridSearchCV one = new GridSearchCV(options).fit(data.x(), data.y());
            for (int warm = 0; warm < 8; warm++) {
                GridSearchCV again = new GridSearchCV(options).fit(data.x(), data.y());
                boolean settled = Arrays.equals(one.cvResults().column("mean_test_score"), again.cvResults().column("mean_test_score"));
                one = again;
                if (settled) break;
            }
            Parallel.setThreads(Parallel.maxThreads());
            GridSearchCV many = new GridSearchCV(options).fit(data.x(), data.y());
            for (String col : List.of("mean_test_score", "split0_test_score", "split4_test_score", "rank_test_score"))
                assertArrayEquals(one.cvResults().column(col), many.cvResults().column(col), col);
            assertEquals(one.bestParams(), many.bestParams());
        } finally {
            Parallel.setThreads(previous);
        }
    }
}
