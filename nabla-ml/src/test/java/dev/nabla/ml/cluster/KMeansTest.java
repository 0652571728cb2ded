package dev.nabla.ml.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Fixtures;
import dev.nabla.ml.datasets.MakeBlobs;
import dev.nabla.ml.datasets.Samples;
import dev.nabla.ml.metrics.ClusteringMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** KMeans against sklearn 1.2 from the same starting centers, and k-means++ reaching sklearn's optimum. */
class KMeansTest {
    private static final JsonNode REF = Unsupervised.fixture("kmeans.json");

    @ParameterizedTest
    @CsvSource({"iris,lloyd", "iris,elkan", "digits,lloyd", "digits,elkan", "b5,lloyd", "b5,elkan"})
    void sameStartSameResult(String data, String algorithm) {
        JsonNode c = REF.get(data), r = c.get(algorithm);
        KMeans km = new KMeans(new KMeans.Options().nClusters(c.get("k").asInt()).initCenters(Unsupervised.rows(c.get("init")))
                .algorithm(KMeans.Algorithm.valueOf(algorithm.toUpperCase()))).fit(Unsupervised.data(data));
        assertEquals(r.get("inertia").asDouble(), km.inertia(), 1e-6 * r.get("inertia").asDouble());
        assertEquals(r.get("n_iter").asInt(), km.nIter());
        assertArrayEquals(Unsupervised.longs(r.get("labels")).toLongArray(), km.labels().toLongArray());
        Fixtures.assertClose(Fixtures.matrix(r.get("centers")).toDoubleArray(), km.clusterCenters().toDoubleArray(), 1e-9, "centers");
    }

    @ParameterizedTest
    @CsvSource({"iris,lloyd", "digits,elkan", "b5,lloyd"})
    void kMeansPlusPlusReachesSklearnsInertia(String data, String algorithm) {
        JsonNode c = REF.get(data);
        KMeans km = new KMeans(new KMeans.Options().nClusters(c.get("k").asInt()).seed(3)
                .algorithm(KMeans.Algorithm.valueOf(algorithm.toUpperCase()))).fit(Unsupervised.data(data));
        double sk = c.get("pp_inertia").asDouble();
        // different random streams: both find (nearly) the same optimum, ours no worse than 0.1%
        assertTrue(km.inertia() <= sk * 1.001, "inertia " + km.inertia() + " vs sklearn " + sk);
    }

    @Test
    void wellSeparatedBlobsAreRecovered() {
        Samples s = MakeBlobs.generate(new MakeBlobs.Options().nSamples(2000).nFeatures(6).centers(5).seed(7));
        for (KMeans.Algorithm a : KMeans.Algorithm.values()) {
            KMeans km = new KMeans(new KMeans.Options().nClusters(5).nInit(3).algorithm(a).seed(1)).fit(s.x());
            assertEquals(1.0, ClusteringMetrics.adjustedRandScore(s.y(), km.labels()), 1e-12, a.toString());
            assertArrayEquals(km.labels().toLongArray(), km.predict(s.x()).toLongArray());
            Tensor dist = km.transform(s.x());
            assertEquals(-km.inertia(), km.score(s.x()), 1e-9 * km.inertia());
            assertEquals(2000, dist.size(0));
            assertEquals(5, dist.size(1));
        }
    }

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Parallel.maxThreads());
    }

    /** Rows go in fixed chunks summed in order: seeds, centers, inertia and labels are the same bits on 1 or 2 threads. */
    @Test
    void sameResultOnOneAndTwoThreads() {
        Samples s = MakeBlobs.generate(new MakeBlobs.Options().nSamples(30_000).nFeatures(7).centers(6).clusterStd(2.5).seed(11));
        for (KMeans.Algorithm a : KMeans.Algorithm.values()) {
            KMeans.Options o = new KMeans.Options().nClusters(6).nInit(2).algorithm(a).seed(5);
            Parallel.setThreads(1);
            KMeans one = new KMeans(o).fit(s.x());
            Parallel.setThreads(2);
            KMeans two = new KMeans(o).fit(s.x());
            assertArrayEquals(one.clusterCenters().toDoubleArray(), two.clusterCenters().toDoubleArray(), a.toString());
            assertEquals(one.inertia(), two.inertia(), a.toString());
            assertEquals(one.nIter(), two.nIter(), a.toString());
            assertArrayEquals(one.labels().toLongArray(), two.labels().toLongArray(), a.toString());
            assertEquals(-one.inertia(), two.score(s.x()), a.toString()); // the fused and the separate inertia agree
        }
        // Lloyd and Elkan take the same steps and sum the same way
        KMeans lloyd = new KMeans(new KMeans.Options().nClusters(6).nInit(1).seed(5)).fit(s.x());
        KMeans elkan = new KMeans(new KMeans.Options().nClusters(6).nInit(1).seed(5).algorithm(KMeans.Algorithm.ELKAN)).fit(s.x());
        assertArrayEquals(lloyd.clusterCenters().toDoubleArray(), elkan.clusterCenters().toDoubleArray());
        assertEquals(lloyd.inertia(), elkan.inertia());
    }

    @Test
    void badOptionsAndInputsSayWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KMeans.Options().nClusters(0));
        assertTrue(e.getMessage().contains("nClusters"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new KMeans(new KMeans.Options().nClusters(200)).fit(Unsupervised.data("iris")));
        assertTrue(e.getMessage().contains("n_samples=150"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new KMeans(new KMeans.Options().nClusters(2).initCenters(new double[][] {{1, 2}, {3, 4}})).fit(Unsupervised.data("iris")));
        assertTrue(e.getMessage().contains("4 features"), e.getMessage());
    }
}
