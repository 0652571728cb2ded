package dev.nabla.ml.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.ml.datasets.MakeBlobs;
import dev.nabla.ml.datasets.Samples;
import dev.nabla.ml.metrics.ClusteringMetrics;
import org.junit.jupiter.api.Test;

/** MiniBatchKMeans finds the blobs KMeans finds, at nearly KMeans' inertia. */
class MiniBatchKMeansTest {
    @Test
    void recoversBlobsNearKMeansInertia() {
        Samples s = MakeBlobs.generate(new MakeBlobs.Options().nSamples(20000).nFeatures(5).centers(6).seed(11));
        MiniBatchKMeans mb = new MiniBatchKMeans(new MiniBatchKMeans.Options().nClusters(6).seed(2)).fit(s.x());
        KMeans km = new KMeans(new KMeans.Options().nClusters(6).nInit(3).seed(2)).fit(s.x());
        assertEquals(1.0, ClusteringMetrics.adjustedRandScore(s.y(), mb.labels()), 1e-12);
        assertTrue(mb.inertia() <= km.inertia() * 1.01, mb.inertia() + " vs " + km.inertia());
        assertArrayEquals(mb.labels().toLongArray(), mb.predict(s.x()).toLongArray());
        assertTrue(mb.nSteps() < 100 * 20000 / 1024, "stopped early on no improvement: " + mb.nSteps());
    }
}
