package dev.nabla.ml.tree;

import static dev.nabla.ml.Fixtures.assertClose;
import static dev.nabla.ml.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Tensor;
import dev.nabla.ml.Fixtures;
import dev.nabla.ml.selection.CrossValidation;
import dev.nabla.ml.selection.KFold;
import dev.nabla.ml.selection.StratifiedKFold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision trees against scikit-learn: identical trees where sklearn's own tree does not depend on its
 * random feature order (same nodes, leaf ids, probabilities, importances), identical training fits for
 * regression, and 5-fold scores averaged over seeds within 1 point / 0.01 R2 on the bundled and
 * synthetic datasets.
 */
class DecisionTreeParityTest {
    private static final JsonNode EXACT = TreeFixtures.EXACT;

    @Test
    void depthLimitedClassifierIsSklearnsTree() {
        JsonNode ref = EXACT.get("tree_classifier");
        Tensor x = TreeFixtures.matrix("X"), xt = TreeFixtures.matrix("Xtest");
        DecisionTreeClassifier tree = new DecisionTreeClassifier(new DecisionTreeClassifier.Options().maxDepth(ref.get("maxDepth").asInt())
                .minSamplesLeaf(ref.get("minSamplesLeaf").asInt()))
                .fit(x, Fixtures.vector(EXACT.get("y")));
        assertEquals(ref.get("nodeCount").asInt(), tree.tree().nodeCount());
        assertArrayEquals(doubles(ref.get("predict")), tree.predict(xt).toDoubleArray());
        assertArrayEquals(doubles(ref.get("apply")), tree.apply(xt).toDoubleArray());
        assertClose(Fixtures.matrix(ref.get("proba")).toDoubleArray(), tree.predictProba(xt).toDoubleArray(), 1e-12, "probabilities");
        assertClose(doubles(ref.get("importances")), tree.featureImportances().toDoubleArray(), 1e-12, "importances");
    }

    @Test
    void entropyClassifierIsSklearnsTree() {
        JsonNode ref = EXACT.get("tree_entropy");
        Tensor x = TreeFixtures.matrix("X"), xt = TreeFixtures.matrix("Xtest");
        DecisionTreeClassifier tree = new DecisionTreeClassifier(new DecisionTreeClassifier.Options().criterion(Criterion.ENTROPY)
                .maxDepth(ref.get("maxDepth").asInt())).fit(x, Fixtures.vector(EXACT.get("y")));
        assertArrayEquals(doubles(ref.get("predict")), tree.predict(xt).toDoubleArray());
        assertClose(Fixtures.matrix(ref.get("proba")).toDoubleArray(), tree.predictProba(xt).toDoubleArray(), 1e-12, "probabilities");
        assertClose(doubles(ref.get("importances")), tree.featureImportances().toDoubleArray(), 1e-12, "importances");
    }

    @Test
    void depthLimitedRegressorIsSklearnsTree() {
        JsonNode ref = EXACT.get("tree_regressor");
        Tensor xr = TreeFixtures.matrix("Xr");
        DecisionTreeRegressor tree = new DecisionTreeRegressor(new DecisionTreeRegressor.Options().maxDepth(ref.get("maxDepth").asInt()))
                .fit(xr, Fixtures.vector(EXACT.get("yr")));
        assertEquals(ref.get("nodeCount").asInt(), tree.tree().nodeCount());
        assertClose(doubles(ref.get("train")), tree.predict(xr).toDoubleArray(), 1e-9, "train predictions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"iris", "wine", "breast_cancer", "digits", "synthetic"})
    void classifierCrossValidation(String data) {
        Fixtures.Data d = TreeFixtures.dataset(data, true);
        JsonNode ref = TreeFixtures.CV.get("classification").get(data);
        int seeds = TreeFixtures.CV.get("treeSeeds").asInt();
        double full = 0, shallow = 0;
        for (int s = 0; s < seeds; s++) {
            full += TreeFixtures.mean(CrossValidation.crossValScore(new DecisionTreeClassifier(new DecisionTreeClassifier.Options().randomState(s)),
                    d.x(), d.y(), new StratifiedKFold(5))) / seeds;
            shallow += TreeFixtures.mean(CrossValidation.crossValScore(new DecisionTreeClassifier(new DecisionTreeClassifier.Options()
                    .randomState(s).maxDepth(3).criterion(Criterion.ENTROPY)), d.x(), d.y(), new StratifiedKFold(5))) / seeds;
        }
        System.out.printf("PARITY tree %s: nabla %.4f sklearn %.4f | depth3 entropy nabla %.4f sklearn %.4f%n",
                data, full, ref.get("tree").asDouble(), shallow, ref.get("tree_depth3_entropy").asDouble());
        assertEquals(ref.get("tree").asDouble(), full, 0.01, data + " full tree accuracy");
        assertEquals(ref.get("tree_depth3_entropy").asDouble(), shallow, 0.01, data + " depth-3 entropy tree accuracy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"diabetes", "synthetic"})
    void regressorCrossValidation(String data) {
        Fixtures.Data d = TreeFixtures.dataset(data, false);
        JsonNode ref = TreeFixtures.CV.get("regression").get(data);
        int seeds = TreeFixtures.CV.get("treeSeeds").asInt();
        double full = 0, shallow = 0;
        for (int s = 0; s < seeds; s++) {
            full += TreeFixtures.mean(CrossValidation.crossValScore(new DecisionTreeRegressor(new DecisionTreeRegressor.Options().randomState(s)),
                    d.x(), d.y(), new KFold(5))) / seeds;
            shallow += TreeFixtures.mean(CrossValidation.crossValScore(new DecisionTreeRegressor(new DecisionTreeRegressor.Options()
                    .randomState(s).maxDepth(4)), d.x(), d.y(), new KFold(5))) / seeds;
        }
        System.out.printf("PARITY treeReg %s: nabla %.4f sklearn %.4f | depth4 nabla %.4f sklearn %.4f%n",
                data, full, ref.get("tree").asDouble(), shallow, ref.get("tree_depth4").asDouble());
        assertEquals(ref.get("tree").asDouble(), full, 0.01, data + " full tree R2");
        assertEquals(ref.get("tree_depth4").asDouble(), shallow, 0.01, data + " depth-4 tree R2");
    }
}
