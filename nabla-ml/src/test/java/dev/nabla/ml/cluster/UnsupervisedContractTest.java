package dev.nabla.ml.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.Tensor;
import dev.nabla.ml.Estimator;
import dev.nabla.ml.ModelIO;
import dev.nabla.ml.SavedCopies;
import dev.nabla.ml.NotFittedException;
import dev.nabla.ml.Transformer;
import dev.nabla.ml.decomposition.PCA;
import dev.nabla.ml.decomposition.TruncatedSVD;
import dev.nabla.ml.manifold.TSNE;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The estimator contract for the clustering, decomposition and manifold estimators: params, clone, not fitted, save/load. */
class UnsupervisedContractTest {
    private static final Tensor IRIS = Unsupervised.data("iris");

    static Stream<Estimator> estimators() {
        return Stream.of(new KMeans(new KMeans.Options().nClusters(3)), new KMeans(new KMeans.Options().nClusters(2).initCenters(new double[][] {{5, 3, 1, 0}, {6, 3, 5, 2}})),
                new MiniBatchKMeans(new MiniBatchKMeans.Options().nClusters(3)), new DBSCAN(), new AgglomerativeClustering(),
                new GaussianMixture(new GaussianMixture.Options().nComponents(2).covarianceType(CovarianceType.DIAG)),
                new PCA(new PCA.Options().nComponents(2).whiten(true)), new TruncatedSVD(),
                new TSNE(new TSNE.Options().perplexity(10).nIter(300).method(TSNE.Method.EXACT)));
    }

    private static Tensor output(Estimator e) {
        if (e instanceof Transformer t) return t.transform(IRIS);
        if (e instanceof Clusterer c) return c.labels();
        return ((TSNE) e).embedding();
    }

    private static void fit(Estimator e) {
        if (e instanceof Clusterer c) c.fit(IRIS);
        else if (e instanceof Transformer t) t.fit(IRIS);
        else ((TSNE) e).fit(IRIS);
    }

    @ParameterizedTest
    @MethodSource("estimators")
    void notFittedThenFittedThenSavedAndLoaded(Estimator e, @TempDir Path dir) throws Exception {
        assertFalse(e.isFitted());
        NotFittedException nf = assertThrows(NotFittedException.class, () -> output(e));
        assertTrue(nf.getMessage().contains("is not fitted yet"), nf.getMessage());
        fit(e);
        Tensor expected = output(e);
        Path file = dir.resolve("model.json");
        ModelIO.save(e, file);
        Estimator loaded = ModelIO.load(file);
        assertEquals(e.getParams().toString(), loaded.getParams().toString());
        assertTrue(expected.equal(output(loaded)), "loaded model gives the same output");
        Estimator fromParts = SavedCopies.of(e).get(1);
        assertTrue(expected.equal(output(fromParts)), "the model saved with its arrays as tensors gives the same output");
        Estimator copy = e.clone();
        assertFalse(copy.isFitted());
        assertEquals(e.getParams().toString(), copy.getParams().toString());
    }
}
