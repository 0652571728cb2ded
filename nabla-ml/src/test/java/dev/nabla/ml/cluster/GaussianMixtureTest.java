package dev.nabla.ml.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Tensor;
import dev.nabla.ml.Fixtures;
import dev.nabla.ml.datasets.MakeBlobs;
import dev.nabla.ml.datasets.Samples;
import dev.nabla.ml.metrics.ClusteringMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GaussianMixture from the same starting parameters as sklearn 1.2 reaches the same fit. */
class GaussianMixtureTest {
    private static final JsonNode REF = Unsupervised.fixture("gmm.json");

    @ParameterizedTest
    @CsvSource({"iris,full", "iris,tied", "iris,diag", "iris,spherical", "b5,full", "b5,tied", "b5,diag", "b5,spherical"})
    void sameStartSameFit(String data, String type) {
        JsonNode r = REF.get(data + "_" + type);
        Tensor x = Unsupervised.data(data);
        GaussianMixture g = new GaussianMixture(new GaussianMixture.Options().nComponents(r.get("k").asInt())
                .covarianceType(CovarianceType.valueOf(type.toUpperCase())).weightsInit(Fixtures.doubles(r.get("weights_init")))
                .meansInit(Unsupervised.rows(r.get("means_init"))).precisionsInit(flat(r.get("precisions_init")))).fit(x);
        assertEquals(r.get("n_iter").asInt(), g.nIter());
        assertEquals(r.get("converged").asBoolean(), g.converged());
        assertEquals(r.get("lower_bound").asDouble(), g.lowerBound(), 1e-9);
        assertEquals(r.get("score").asDouble(), g.score(x), 1e-9);
        assertEquals(r.get("bic").asDouble(), g.bic(x), 1e-6);
        assertEquals(r.get("aic").asDouble(), g.aic(x), 1e-6);
        Fixtures.assertClose(Fixtures.doubles(r.get("weights")), g.weights().toDoubleArray(), 1e-9, "weights");
        Fixtures.assertClose(flat(r.get("means")), g.means().toDoubleArray(), 1e-8, "means");
        Fixtures.assertClose(flat(r.get("covariances")), g.covariances().toDoubleArray(), 1e-8, "covariances");
        Fixtures.assertClose(flat(r.get("proba5")), g.predictProba(x.narrow(0, 0, 5)).toDoubleArray(), 1e-9, "proba");
        Fixtures.assertClose(Fixtures.doubles(r.get("score_samples5")), g.scoreSamples(x.narrow(0, 0, 5)).toDoubleArray(), 1e-9, "score samples");
        assertArrayEquals(Unsupervised.longs(r.get("labels")).toLongArray(), g.labels().toLongArray());
    }

    /** Flattens nested JSON arrays of any depth in row-major order. */
    private static double[] flat(JsonNode node) {
        java.util.List<Double> out = new java.util.ArrayList<>();
        collect(node, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void collect(JsonNode node, java.util.List<Double> out) {
        if (node.isArray()) for (JsonNode c : node) collect(c, out);
        else out.add(node.asDouble());
    }

    @Test
    void kMeansStartRecoversBlobs() {
        Samples s = MakeBlobs.generate(new MakeBlobs.Options().nSamples(900).nFeatures(3).centers(3).seed(4));
        for (CovarianceType t : CovarianceType.values()) {
            GaussianMixture g = new GaussianMixture(new GaussianMixture.Options().nComponents(3).covarianceType(t).nInit(2).seed(5)).fit(s.x());
            assertEquals(1.0, ClusteringMetrics.adjustedRandScore(s.y(), g.labels()), 1e-12, t.toString());
            assertArrayEquals(g.labels().toLongArray(), g.predict(s.x()).toLongArray());
            assertTrue(g.converged());
        }
    }
}
