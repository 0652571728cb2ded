package dev.nabla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nabla.data.Npy;
import dev.nabla.ml.datasets.MakeRegression;
import dev.nabla.ml.datasets.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchMlCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void quickJsonHasOneLinePerWorkload() throws Exception {
        CliRunner r = CliRunner.run("bench", "ml", "--json", "--quick", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        List<String> estimators = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            JsonNode n = JSON.readTree(line);
            assertEquals("ml", n.get("bench").asText(), line);
            assertEquals("s", n.get("unit").asText(), line);
            assertEquals(1, n.get("params").get("threads").asInt(), line);
            estimators.add(n.get("params").get("estimator").asText());
            if (n.get("value").isNull()) assertEquals("not available in this build", n.get("error").asText(), line);
            else assertTrue(n.get("value").asDouble() > 0 && n.get("score").isNumber(), line);
        }
        assertEquals(List.of("LogisticRegression", "RandomForestClassifier", "HistGradientBoostingClassifier", "KMeans", "PCA",
                "KNeighborsClassifier", "Ridge"), estimators);
        assertTrue(r.out().contains("\"estimator\":\"Ridge\"") && !r.out().lines().filter(l -> l.contains("Ridge")).findFirst().orElseThrow().contains("null"));
    }

    @Test
    void dataFolderIsReadInsteadOfGenerating(@TempDir Path dir) throws Exception {
        Samples s = MakeRegression.generate(new MakeRegression.Options().nSamples(300).nFeatures(7).noise(1).seed(3));
        Path ridge = Files.createDirectories(dir.resolve("ridge"));
        Npy.write(ridge.resolve("X_train.npy"), s.x().slice(0, 0, 200));
        Npy.write(ridge.resolve("y_train.npy"), s.y().slice(0, 0, 200));
        Npy.write(ridge.resolve("X_test.npy"), s.x().slice(0, 200, 300));
        Npy.write(ridge.resolve("y_test.npy"), s.y().slice(0, 200, 300));
        CliRunner r = CliRunner.run("bench", "ml", "--json", "--only", "ridge", "--data", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode n = JSON.readTree(r.out().strip());
        assertEquals(200, n.get("params").get("rows").asInt());
        assertEquals(7, n.get("params").get("cols").asInt());
        assertTrue(n.get("score").asDouble() > 0.99, r.out());
    }

    @Test
    void unknownWorkloadIsAUsageError() {
        CliRunner r = CliRunner.run("bench", "ml", "--only", "svm");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("unknown ml workload 'svm'"), r.err());
    }

}
