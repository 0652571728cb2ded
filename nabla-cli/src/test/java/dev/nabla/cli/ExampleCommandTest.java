package dev.nabla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nabla.examples.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleCommandTest {
    @Test
    void listAndNoNameBothNameEveryExample() {
        for (String[] args : new String[][] {{"example", "--list"}, {"example"}}) {
            CliRunner r = CliRunner.run(args);
            assertEquals(0, r.exitCode(), r.err());
            for (String name : Examples.all().keySet()) assertTrue(r.out().contains("  " + name + " "), name + " missing from\n" + r.out());
        }
    }

    @Test
    void anExampleEndsWithItsMetricsAsJson() throws Exception {
        CliRunner r = CliRunner.run("example", "diabetes", "--epochs", "5");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Epoch 5/5"), r.out());
        JsonNode last = new ObjectMapper().readTree(r.out().lines().toList().getLast());
        assertEquals(5, last.get("epochs").asInt(), r.out());
        assertTrue(last.has("test_r2") && last.has("test_mse"), r.out());
    }

    @Test
    void tabularPrintsReportBestParamsAndEndsWithJson(@TempDir Path dir) throws Exception {
        CliRunner r = CliRunner.run("example", "tabular", "--plots", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("precision    recall  f1-score   support"), r.out());
        assertTrue(r.out().contains("rank_test_score") && r.out().contains("best params: {") && r.out().contains("clf.learningRate="), r.out());
        List<String> lines = r.out().lines().toList();
        JsonNode last = new ObjectMapper().readTree(lines.getLast());
        assertTrue(last.get("test_accuracy").asDouble() > 0.9, lines.getLast());
        assertTrue(last.get("best_params").has("clf.maxLeafNodes"), lines.getLast());
        assertTrue(Files.size(dir.resolve("tabular_confusion_matrix.png")) > 1000);
    }

    @Test
    void unknownNamesAndMissingDataFailWithAHint(@TempDir Path empty) {
        CliRunner unknown = CliRunner.run("example", "vision");
        assertNotEquals(0, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown example 'vision'"), unknown.err());

        CliRunner noData = CliRunner.run("example", "mnist-mlp", "--data", empty.toString());
        assertEquals(1, noData.exitCode(), noData.out());
        assertTrue(noData.err().contains(empty.resolve("mnist").toString()) && noData.err().contains("--data DIR"), noData.err());
    }
}
