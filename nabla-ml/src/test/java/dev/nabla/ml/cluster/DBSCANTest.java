package dev.nabla.ml.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.ml.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DBSCAN labels and core samples identical to sklearn 1.2's. */
class DBSCANTest {
    private static final JsonNode REF = Unsupervised.fixture("dbscan.json");

    @ParameterizedTest
    @ValueSource(strings = {"b2", "iris", "moons"})
    void labelsEqualSklearns(String key) {
        JsonNode c = REF.get(key);
        DBSCAN db = new DBSCAN(new DBSCAN.Options().eps(c.get("eps").asDouble()).minSamples(c.get("min_samples").asInt()))
                .fit(Fixtures.matrix(c.get("X")));
        assertArrayEquals(Unsupervised.longs(c.get("labels")).toLongArray(), db.labels().toLongArray());
        assertArrayEquals(Unsupervised.longs(c.get("core")).toLongArray(), db.coreSampleIndices().toLongArray());
    }
}
