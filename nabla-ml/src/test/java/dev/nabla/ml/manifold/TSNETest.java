package dev.nabla.ml.manifold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Tensor;
import dev.nabla.ml.Fixtures;
import dev.nabla.ml.cluster.Unsupervised;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** t-SNE embeds the first 600 digits as well as sklearn 1.2 does; trustworthiness equals sklearn's (on tie-free data). */
class TSNETest {
    private static final JsonNode REF = Unsupervised.fixture("tsne.json");
    private static final Tensor DIGITS = Unsupervised.data("digits").narrow(0, 0, 600);

    @Test
    void trustworthinessEqualsSklearns() {
        Tensor embedding = Fixtures.matrix(REF.get("pca_embedding"));
        for (int k : new int[] {5, 12})
            assertEquals(REF.get("pca_trustworthiness").get(Integer.toString(k)).asDouble(), Trustworthiness.of(Unsupervised.data("b5"), embedding, k), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"EXACT,exact", "BARNES_HUT,barnes_hut"})
    void embeddingIsAsTrustworthyAsSklearns(TSNE.Method method, String key) {
        JsonNode r = REF.get(key);
        TSNE tsne = new TSNE(new TSNE.Options().method(method));
        Tensor embedding = tsne.fitTransform(DIGITS);
        double trust = Trustworthiness.of(DIGITS, embedding, 5), expected = r.get("trustworthiness").asDouble();
        assertEquals(expected, trust, 0.02, "trustworthiness");
        // different random streams and rounding: the optimum reached is comparable, not identical
        assertEquals(r.get("kl_divergence").asDouble(), tsne.klDivergence(), 0.1, "KL divergence");
        assertTrue(tsne.nIter() > 250);
    }
}
