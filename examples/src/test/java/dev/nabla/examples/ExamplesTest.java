package dev.nabla.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every example on reduced data (a subset, few epochs), with thresholds well above chance (0.1 for ten
 * classes, R2 0 for the mean) that a broken model, loss or data pipeline would miss.
 */
class ExamplesTest {
    /** The options of one run, given the stream the test captures. */
    private interface Options {
        ExampleOptions on(PrintStream out);
    }

    /** Runs the example, checks that its last printed line is JSON equal to what it returned, and returns that JSON. */
    private static JsonNode run(String name, Options options) throws Exception {
        var text = new ByteArrayOutputStream();
        var out = new PrintStream(text, true, StandardCharsets.UTF_8);
        Map<String, Object> returned = Examples.all().get(name).program().run(options.on(out));
        List<String> lines = text.toString(StandardCharsets.UTF_8).lines().toList();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = mapper.readTree(lines.getLast());
        assertEquals(mapper.valueToTree(returned), json, "the JSON line and the returned metrics differ:\n" + text);
        assertTrue(json.get("seconds").asDouble() > 0, lines.getLast());
        return json;
    }

    private static double accuracy(JsonNode json) {
        return json.get("test_accuracy").asDouble();
    }

    @Test
    void mnistMlpOnASubset() throws Exception {
        JsonNode r = run("mnist-mlp", out -> ExampleOptions.defaults(out).withData(SharedData.rootWith("mnist")).withLimit(2000).withEpochs(1));
        assertTrue(accuracy(r) > 0.6, r.toString());
        assertEquals(1, r.get("epochs").asInt());
    }

    @Test
    void mnistCnnOnASubset() throws Exception {
        JsonNode r = run("mnist-cnn", out -> ExampleOptions.defaults(out).withData(SharedData.rootWith("mnist")).withLimit(1000).withEpochs(1));
        assertTrue(accuracy(r) > 0.45, r.toString());
    }

    @Test
    void fashionCnnOnASubset() throws Exception {
        JsonNode r = run("fashion-cnn", out -> ExampleOptions.defaults(out).withData(SharedData.rootWith("fashion-mnist")).withLimit(1000).withEpochs(1));
        assertTrue(accuracy(r) > 0.45, r.toString());
    }

    @Test
    void lstmOnDigitsInAFewEpochs() throws Exception {
        JsonNode r = run("lstm", out -> ExampleOptions.defaults(out).withEpochs(4));
        assertTrue(accuracy(r) > 0.6, r.toString());
    }

    @Test
    void transformerOnDigitsInAFewEpochs() throws Exception {
        JsonNode r = run("transformer", out -> ExampleOptions.defaults(out).withEpochs(4));
        assertTrue(accuracy(r) > 0.6, r.toString());
    }

    @Test
    void diabetesExplainsMostOfWhatTheMeanCannot() throws Exception {
        JsonNode r = run("diabetes", ExampleOptions::defaults);
        assertTrue(r.get("test_r2").asDouble() > 0.3, r.toString());
        assertTrue(r.get("test_mse").asDouble() > 0, r.toString());
    }

    @Test
    void theRegistryListsEveryExampleOnce() {
        assertEquals(List.of("mnist-mlp", "mnist-cnn", "fashion-cnn", "lstm", "transformer", "diabetes", "tabular"), List.copyOf(Examples.all().keySet()));
    }
}
