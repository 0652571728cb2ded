package dev.nabla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BenchTrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void quickJsonLinesCoverEveryModel() throws Exception {
        CliRunner r = CliRunner.run("bench", "train", "--json", "--quick", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        Set<String> trained = new TreeSet<>(), inferred = new TreeSet<>();
        for (String line : r.out().lines().toList()) {
            JsonNode n = JSON.readTree(line);
            for (String key : new String[] {"bench", "params", "value", "unit"}) assertTrue(n.has(key), key + " missing: " + line);
            JsonNode p = n.get("params");
            for (String key : new String[] {"model", "batch", "threads"}) assertTrue(p.has(key), key + " missing: " + line);
            assertTrue(n.get("value").isNumber() && n.get("value").asDouble() > 0, line);
            String model = p.get("model").asText();
            switch (n.get("bench").asText()) {
                case "train" -> {
                    assertEquals("samples/s", n.get("unit").asText(), line);
                    trained.add(model);
                }
                case "infer" -> {
                    assertEquals(p.get("batch").asInt() == 1 ? "us" : "samples/s", n.get("unit").asText(), line);
                    inferred.add(model + "@" + (p.get("batch").asInt() == 1 ? "latency" : "throughput"));
                }
                default -> throw new AssertionError("unexpected bench: " + line);
            }
        }
        assertEquals(new TreeSet<>(List.of("cnn", "lstm", "mlp", "transformer")), trained);
        assertEquals(new TreeSet<>(List.of("cnn@latency", "cnn@throughput", "mlp@latency", "mlp@throughput")), inferred);
    }

    @Test
    void unknownModelIsAUsageError() {
        CliRunner r = CliRunner.run("bench", "train", "--quick", "--only", "resnet");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("unknown model 'resnet'"), r.err());
    }
}
