package dev.nabla.ml.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.data.BundledDatasets;
import dev.nabla.ml.Fixtures;
import dev.nabla.ml.cluster.Unsupervised;
import org.junit.jupiter.api.Test;

/** Clustering metrics equal sklearn 1.2's to 1e-12. */
class ClusteringMetricsTest {
    private static final JsonNode REF = Unsupervised.fixture("metrics.json");
    private static final double TOL = 1e-12;

    @Test
    void silhouette() {
        Tensor iris = BundledDatasets.iris().x(), truth = BundledDatasets.iris().y();
        assertEquals(REF.get("silhouette_iris_true").asDouble(), ClusteringMetrics.silhouetteScore(iris, truth), TOL);
        assertEquals(REF.get("silhouette_iris_km").asDouble(), ClusteringMetrics.silhouetteScore(iris, Unsupervised.longs(REF.get("iris_labels"))), TOL);
        Fixtures.assertClose(Fixtures.doubles(REF.get("silhouette_samples_iris_true")), ClusteringMetrics.silhouetteSamples(iris, truth).toDoubleArray(), TOL, "samples");
        assertEquals(REF.get("silhouette_digits_true").asDouble(),
                ClusteringMetrics.silhouetteScore(BundledDatasets.digits().x(), BundledDatasets.digits().y()), TOL);
    }

    @Test
    void adjustedRandAndMutualInfo() {
        Tensor truth = BundledDatasets.iris().y(), km = Unsupervised.longs(REF.get("iris_labels"));
        Tensor a = Unsupervised.longs(REF.get("random_a")), b = Unsupervised.longs(REF.get("random_b"));
        assertEquals(REF.get("ari_iris").asDouble(), ClusteringMetrics.adjustedRandScore(truth, km), TOL);
        assertEquals(REF.get("ari_random").asDouble(), ClusteringMetrics.adjustedRandScore(a, b), TOL);
        assertEquals(REF.get("ami_iris").asDouble(), ClusteringMetrics.adjustedMutualInfo(truth, km), TOL);
        assertEquals(REF.get("ami_random").asDouble(), ClusteringMetrics.adjustedMutualInfo(a, b), TOL);
        // labels are names only: a relabelled copy agrees perfectly
        Tensor relabelled = km.mul(-3).add(7);
        assertEquals(1.0, ClusteringMetrics.adjustedRandScore(km, relabelled), 0);
        assertEquals(1.0, ClusteringMetrics.adjustedMutualInfo(km, relabelled), TOL);
    }

    @Test
    void silhouetteNeedsTwoToNMinusOneClusters() {
        Tensor x = Nabla.tensor(new double[] {0, 1, 2, 3}, 4, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusteringMetrics.silhouetteScore(x, Nabla.tensor(new long[] {0, 0, 0, 0}, 4)));
        assertEquals("silhouette: number of labels is 1; valid values are 2 to n_samples - 1 (3)", e.getMessage());
    }
}
