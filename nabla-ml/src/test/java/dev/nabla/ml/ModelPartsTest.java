package dev.nabla.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nabla.DType;
import dev.nabla.Tensor;
import dev.nabla.ml.cluster.KMeans;
import dev.nabla.ml.ensemble.RandomForestClassifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Splitting a saved model into JSON and tensors: which arrays move, their dtypes and shapes, and errors. */
class ModelPartsTest {
    private static final Fixtures.Data IRIS = Fixtures.dataset("iris");

    @Test
    void homogeneousStateArraysBecomeTensorsAndComeBackUnchanged() throws Exception {
        String text = """
                {"params":{"sizes":[1,2]},"state":{"a":[1.5,2.0],"b":[1,2,3],"c":[[1,2],[3,4]],"ragged":[[1,2],[3]],
                 "mixed":[1,2.5],"flags":[true,false],"empty":[],"nested":{"x":[0.25]},"list":[[0.5],"text"]}}""";
        ObjectNode root = (ObjectNode) ModelIO.JSON.readTree(text);
        Map<String, Tensor> arrays = StateArrays.extract(root);

        assertEquals(List.of("state.a", "state.b", "state.c", "state.ragged.0", "state.ragged.1", "state.flags", "state.nested.x", "state.list.0"),
                List.copyOf(arrays.keySet()));
        assertEquals(DType.FLOAT64, arrays.get("state.a").dtype());
        assertEquals(DType.INT64, arrays.get("state.b").dtype());
        assertEquals(List.of(2, 2), List.of(arrays.get("state.c").size(0), arrays.get("state.c").size(1)));
        assertEquals(DType.BOOL, arrays.get("state.flags").dtype());
        assertEquals("[1,2]", root.get("params").get("sizes").toString(), "hyper-parameters stay JSON");
        assertEquals("[1,2.5]", root.get("state").get("mixed").toString(), "mixed arrays stay JSON");
        assertEquals("{\"$tensor\":\"state.c\"}", root.get("state").get("c").toString());

        StateArrays.restore(root, arrays, "test");
        assertEquals(ModelIO.JSON.readTree(text).toString(), root.toString());
    }

    @Test
    void fittedModelsKeepNoNumericArraysInTheirJson() {
        KMeans kmeans = new KMeans(new KMeans.Options().nClusters(3).nInit(1)).fit(IRIS.x());
        ModelIO.Parts parts = ModelIO.toParts(kmeans);
        assertEquals(List.of("state.centers", "state.labels"), List.copyOf(parts.arrays().keySet()));
        assertEquals(12, parts.arrays().get("state.centers").numel());
        assertEquals(DType.INT64, parts.arrays().get("state.labels").dtype());
        assertFalse(parts.json().matches("(?s).*\"state\":\\{[^}]*\\[.*"), parts.json());

        RandomForestClassifier forest = new RandomForestClassifier(new RandomForestClassifier.Options().nEstimators(3)).fit(IRIS.x(), IRIS.y());
        ModelIO.Parts forestParts = ModelIO.toParts(forest);
        assertTrue(forestParts.arrays().keySet().stream().anyMatch(k -> k.startsWith("state.trees.2.")), forestParts.arrays().keySet().toString());
        Predictor loaded = (Predictor) ModelIO.fromParts(forestParts, "forest");
        assertTrue(forest.predict(IRIS.x()).equal(loaded.predict(IRIS.x())));
    }

    @Test
    void missingOrUnreferencedTensorsAreErrors() {
        ModelIO.Parts parts = ModelIO.toParts(new KMeans(new KMeans.Options().nClusters(2).nInit(1)).fit(IRIS.x()));
        Map<String, Tensor> fewer = new LinkedHashMap<>(parts.arrays());
        fewer.remove("state.labels");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> ModelIO.fromParts(new ModelIO.Parts(parts.json(), fewer), "m.safetensors"));
        assertEquals("m.safetensors: the model refers to tensor 'state.labels', which the file does not hold", missing.getMessage());
        Map<String, Tensor> more = new LinkedHashMap<>(parts.arrays());
        more.put("extra", IRIS.y());
        IllegalArgumentException unused = assertThrows(IllegalArgumentException.class, () -> ModelIO.fromParts(new ModelIO.Parts(parts.json(), more), "m.safetensors"));
        assertEquals("m.safetensors: tensors [extra] are not referenced by the model", unused.getMessage());
    }
}
