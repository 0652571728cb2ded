package dev.nabla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BenchCoreCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void quickJsonLinesCarryTheTrackedKeys() throws Exception {
        CliRunner r = CliRunner.run("bench", "core", "--json", "--quick");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertFalse(lines.isEmpty());
        Set<String> benches = new TreeSet<>();
        for (String line : lines) {
            JsonNode n = JSON.readTree(line);
            for (String key : new String[] {"bench", "params", "value", "unit"}) assertTrue(n.has(key), key + " missing: " + line);
            assertTrue(n.get("params").isObject(), line);
            assertTrue(n.get("value").isNumber() || n.get("value").isNull() && n.get("error").isTextual(), line);
            benches.add(n.get("bench").asText());
            if (n.get("bench").asText().equals("sgemm"))
                assertTrue(Set.of("java", "native").contains(n.get("params").get("impl").asText()), line);
        }
        assertEquals(new TreeSet<>(List.of("sgemm", "elementwise", "softmax", "conv2d", "op_overhead", "linear_fwd_bwd")), benches);
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"impl\":\"java\"")), "the pure-Java sgemm row is always there");
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"grad\":true")) && lines.stream().anyMatch(l -> l.contains("\"grad\":false")));
    }

    @Test
    void tableModePrintsAHeaderAndRows() {
        CliRunner r = CliRunner.run("bench", "core", "--quick", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("bench ") && l.contains("unit")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("sgemm")), r.out());
        assertFalse(r.out().contains("{\"bench\""), r.out());
    }
}
