package dev.nabla.ml.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.ml.Fixtures;
import dev.nabla.ml.metrics.ClusteringMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Agglomerative clustering: same tree, merge heights and labels as sklearn 1.2. */
class AgglomerativeClusteringTest {
    private static final JsonNode REF = Unsupervised.fixture("agglomerative.json");

    @ParameterizedTest
    @CsvSource({"iris,ward", "iris,complete", "iris,average", "iris,single", "b5,ward", "b5,complete", "b5,average", "b5,single"})
    void sameTreeAndLabels(String data, String linkage) {
        JsonNode r = REF.get(data + "_" + linkage);
        AgglomerativeClustering ag = new AgglomerativeClustering(new AgglomerativeClustering.Options().nClusters(3)
                .linkage(AgglomerativeClustering.LinkageType.valueOf(linkage.toUpperCase()))).fit(Unsupervised.data(data));
        assertEquals(1.0, ClusteringMetrics.adjustedRandScore(Unsupervised.longs(r.get("labels")), ag.labels()));
        assertArrayEquals(Unsupervised.longs(r.get("labels")).toLongArray(), ag.labels().toLongArray());
        Fixtures.assertClose(Fixtures.doubles(r.get("distances")), ag.distances().toDoubleArray(), 1e-10, "distances");
        assertArrayEquals(Fixtures.matrix(r.get("children")).toLong().toLongArray(), ag.children().toLongArray());
    }

    @Test
    void distanceThresholdPicksTheClusterCount() {
        JsonNode r = REF.get("iris_ward_threshold");
        AgglomerativeClustering ag = new AgglomerativeClustering(new AgglomerativeClustering.Options()
                .distanceThreshold(r.get("threshold").asDouble())).fit(Unsupervised.data("iris"));
        assertEquals(r.get("n_clusters").asInt(), ag.nClusters());
        assertArrayEquals(Unsupervised.longs(r.get("labels")).toLongArray(), ag.labels().toLongArray());
    }

    @Test
    void clusterCountAndThresholdAreExclusive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AgglomerativeClustering.Options(3, 1.0, AgglomerativeClustering.LinkageType.WARD));
        assertEquals("AgglomerativeClustering: set exactly one of nClusters and distanceThreshold, got 3 and 1.0", e.getMessage());
    }
}
