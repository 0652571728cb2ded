package dev.nabla.ml.neighbors;

import static dev.nabla.ml.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Tensor;
import dev.nabla.ml.CvParity;
import dev.nabla.ml.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Neighbour search against sklearn: the same neighbours in the same order, exact distances; kNN CV folds within 1 point / 0.01 R². */
class NeighborsParityTest {
    private static final JsonNode REF = Fixtures.load("models/neighbors.json");

    @ParameterizedTest
    @CsvSource({"random_3d, KD_TREE", "random_3d, BRUTE", "random_20d, BRUTE", "random_20d, KD_TREE"})
    void kneighborsAndRadiusMatchSklearn(String key, Algorithm algorithm) {
        JsonNode ref = REF.get(key);
        Tensor x = Fixtures.matrix(ref.get("X")), q = Fixtures.matrix(ref.get("Q"));
        NearestNeighbors nn = new NearestNeighbors(new NearestNeighbors.Options().nNeighbors(7).algorithm(algorithm)).fit(x);
        Neighbors found = nn.kneighbors(q);
        assertArrayEquals(Fixtures.matrix(ref.get("indices")).toLongArray(), found.indices().toLongArray(), key + " indices");
        assertClose(Fixtures.matrix(ref.get("distances")).toDoubleArray(), found.distances().toDoubleArray(), 1e-9, key + " distances");
        RadiusNeighbors within = nn.radiusNeighbors(q, ref.get("radius").asDouble());
        for (int i = 0; i < q.size(0); i++) {
            assertArrayEquals(Fixtures.vector(ref.get("radius_indices").get(i)).toLongArray(), within.indices().get(i).toLongArray(), key + " radius row " + i);
            assertClose(Fixtures.doubles(ref.get("radius_distances").get(i)), within.distances().get(i).toDoubleArray(), 1e-9, key + " radius distances");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"random_3d", "random_20d"})
    void autoPicksLikeSklearn(String key) {
        JsonNode ref = REF.get(key);
        NearestNeighbors nn = new NearestNeighbors().fit(Fixtures.matrix(ref.get("X")));
        assertEquals(Algorithm.valueOf(ref.get("algorithm").asText().toUpperCase()), nn.fittedAlgorithm());
    }

    @ParameterizedTest
    @CsvSource({"knn_iris, 5, UNIFORM, true", "knn_wine_distance, 7, DISTANCE, true", "knn_breast_cancer, 5, UNIFORM, true",
            "knn_digits, 3, UNIFORM, false"})
    void classifierCrossValidation(String key, int k, Weights weights, boolean scale) {
        KNeighborsClassifier model = new KNeighborsClassifier(new KNeighborsClassifier.Options().nNeighbors(k).weights(weights));
        CvParity.assertFolds(model, REF.get("cv").get(key), scale, 0.01, key);
    }

    @ParameterizedTest
    @CsvSource({"knn_regressor_diabetes, UNIFORM", "knn_regressor_diabetes_distance, DISTANCE"})
    void regressorCrossValidation(String key, Weights weights) {
        KNeighborsRegressor model = new KNeighborsRegressor(new KNeighborsRegressor.Options().nNeighbors(10).weights(weights));
        CvParity.assertFolds(model, REF.get("cv").get(key), true, 0.01, key);
    }
}
