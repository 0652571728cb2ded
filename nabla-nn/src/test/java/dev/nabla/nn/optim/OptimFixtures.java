package dev.nabla.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the PyTorch fixtures made by scripts/fixtures/make_optim_fixtures.py and compares against them. */
final class OptimFixtures {
    static final double RTOL = 1e-5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private OptimFixtures() {}

    static JsonNode load(String file) {
        String path = "/fixtures/optim/" + file;
        try (InputStream in = OptimFixtures.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("fixture " + path + " is missing; run scripts/fixtures/make_optim_fixtures.py");
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {"shape", "data"} as a float64 tensor. */
    static Tensor tensor(JsonNode node) {
        JsonNode data = node.get("data");
        double[] values = new double[data.size()];
        for (int i = 0; i < values.length; i++) values[i] = data.get(i).asDouble();
        int[] shape = new int[node.get("shape").size()];
        for (int i = 0; i < shape.length; i++) shape[i] = node.get("shape").get(i).asInt();
        return Nabla.tensor(values, shape);
    }

    /** The JSON object's fields as a map of plain Java values (numbers as Double, booleans as Boolean). */
    static Map<String, Object> plainMap(JsonNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().isBoolean() ? (Object) e.getValue().asBoolean() : e.getValue().asDouble()));
        return map;
    }

    static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) values[i] = array.get(i).asDouble();
        return values;
    }

    static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) values[i] = array.get(i).asInt();
        return values;
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** Every element within RTOL of the reference, relative to its magnitude (absolute near zero). */
    static void assertClose(double[] expected, double[] actual, String what) {
        if (expected.length != actual.length) fail(what + ": " + actual.length + " values, expected " + expected.length);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = RTOL * Math.max(Math.abs(expected[i]), 1e-3);
            if (!(Math.abs(expected[i] - actual[i]) <= tolerance))
                fail(what + " [" + i + "]: expected " + expected[i] + ", got " + actual[i]);
        }
    }

    static void assertClose(Tensor expected, Tensor actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        assertClose(expected.toDoubleArray(), actual.toDoubleArray(), what);
    }
}
