package dev.nabla.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.data.BundledDataset;
import dev.nabla.data.BundledDatasets;
import dev.nabla.ml.Classifier;
import dev.nabla.ml.cluster.KMeans;
import dev.nabla.ml.ensemble.HistGradientBoostingClassifier;
import dev.nabla.ml.linear.LogisticRegression;
import dev.nabla.ml.pipeline.Pipeline;
import dev.nabla.ml.preprocessing.StandardScaler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fitted estimators in safetensors files: same predictions after reload, arrays as plain tensors, clear errors. */
class EstimatorFilesTest {
    private static final BundledDataset WINE = BundledDatasets.wine();

    @Test
    void pipelineRoundTripsAndItsArraysArePlainTensors(@TempDir Path dir) throws IOException {
        Pipeline pipe = Pipeline.of("scale", new StandardScaler(), "clf", new LogisticRegression()).fit(WINE.x(), WINE.y());
        Path file = dir.resolve("wine.safetensors");
        EstimatorFiles.save(pipe, file);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }

        Pipeline loaded = EstimatorFiles.load(file, Pipeline.class);
        assertTrue(pipe.predictProba(WINE.x()).equal(loaded.predictProba(WINE.x())), "bit-identical probabilities");
        assertEquals(pipe.getParams().toString(), loaded.getParams().toString());

        Map<String, Tensor> tensors = SafeTensors.load(file);
        assertTrue(tensors.keySet().stream().allMatch(k -> k.startsWith("state.fitted.")), tensors.keySet().toString());
        Tensor mean = tensors.get("state.fitted.0.state.mean");
        assertEquals(DType.FLOAT64, mean.dtype());
        assertTrue(mean.allclose(WINE.x().toDouble().mean(0, false), 1e-12, 1e-12), "the scaler's mean is stored as a plain tensor");
        assertEquals("nabla-ml", SafeTensors.loadMetadata(file).get("format"));
    }

    @Test
    void boostingAndClusteringKeepEveryBit(@TempDir Path dir) throws IOException {
        Tensor x = WINE.x().toDouble();
        double[] withMissing = x.toDoubleArray();
        for (int i = 0; i < withMissing.length; i += 17) withMissing[i] = Double.NaN;
        Tensor xm = Nabla.tensor(withMissing, x.size(0), x.size(1));
        var hgb = new HistGradientBoostingClassifier(new HistGradientBoostingClassifier.Options().maxIter(20)).fit(xm, WINE.y());
        EstimatorFiles.save(hgb, dir.resolve("hgb.safetensors"));
        Classifier back = EstimatorFiles.load(dir.resolve("hgb.safetensors"), HistGradientBoostingClassifier.class);
        assertTrue(hgb.predictProba(xm).equal(back.predictProba(xm)));

        KMeans kmeans = new KMeans(new KMeans.Options().nClusters(3).nInit(2)).fit(x);
        EstimatorFiles.save(kmeans, dir.resolve("kmeans.safetensors"));
        KMeans k2 = EstimatorFiles.load(dir.resolve("kmeans.safetensors"), KMeans.class);
        assertTrue(kmeans.clusterCenters().equal(k2.clusterCenters()));
        assertTrue(kmeans.labels().equal(k2.labels()));
        assertEquals(kmeans.inertia(), k2.inertia());
    }

    @Test
    void foreignFilesAndWrongTypesAreNamedErrors(@TempDir Path dir) throws IOException {
        Path plain = dir.resolve("plain.safetensors");
        SafeTensors.save(Map.of("w", Nabla.ones(2)), plain);
        IOException foreign = assertThrows(IOException.class, () -> EstimatorFiles.load(plain));
        assertEquals(plain + ": not a nabla-ml estimator file (no 'nabla-ml' metadata); read plain safetensors files with SafeTensors.load",
                foreign.getMessage());

        Path model = dir.resolve("kmeans.safetensors");
        EstimatorFiles.save(new KMeans(new KMeans.Options().nClusters(2).nInit(1)).fit(WINE.x()), model);
        IOException wrongType = assertThrows(IOException.class, () -> EstimatorFiles.load(model, LogisticRegression.class));
        assertEquals(model + " holds a KMeans, not a LogisticRegression", wrongType.getMessage());

        Map<String, String> metadata = SafeTensors.loadMetadata(model);
        SafeTensors.save(Map.of("state.centers", Nabla.ones(4).toDouble()), model, metadata);  // labels dropped
        IOException missing = assertThrows(IOException.class, () -> EstimatorFiles.load(model));
        assertTrue(missing.getMessage().contains("refers to tensor 'state.labels', which the file does not hold"), missing.getMessage());
    }
}
