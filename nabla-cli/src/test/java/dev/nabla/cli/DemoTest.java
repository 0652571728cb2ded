package dev.nabla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.Nabla;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
    @Test
    void defaultRunReachesTheAdvertisedAccuracyAndReloadsTheSameModel(@TempDir Path dir) throws Exception {
        var text = new ByteArrayOutputStream();
        Demo.Result r = Demo.run(new PrintStream(text, true, StandardCharsets.UTF_8), false, 15, 0, dir);
        String out = text.toString(StandardCharsets.UTF_8);
        assertTrue(r.testAccuracy() >= 0.97, "test accuracy " + r.testAccuracy() + "\n" + out);
        assertEquals(r.testAccuracy(), r.reloadedAccuracy(), "the reloaded model must predict exactly as the trained one\n" + out);
        assertTrue(Files.size(dir.resolve(Demo.FILE)) > 1000, out);
        assertEquals(15, out.lines().filter(l -> l.startsWith("Epoch ")).count(), out);
    }

    @Test
    void demoCommandPrintsAccuracyPathAndLabelledDigits(@TempDir Path dir) {
        CliRunner r = CliRunner.run("demo", "--epochs", "2", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("test accuracy"), r.out());
        assertTrue(r.out().contains(dir.resolve(Demo.FILE).toAbsolutePath().toString()), r.out());
        assertEquals(Demo.SHOWN, r.out().split("pred ", -1).length - 1, r.out());
    }

    @Test
    void drawingShowsInkAsDenseCharacters() {
        var image = Nabla.zeros(1, 1, 8, 8);
        image.narrow(2, 0, 1).fill_(1.0);   // the top row at full ink
        String drawn = Demo.drawing(image, new long[] {7}, new long[] {1});
        assertTrue(drawn.lines().findFirst().orElseThrow().contains("@".repeat(16)), drawn);
        assertEquals("", drawn.lines().skip(1).limit(7).map(String::strip).reduce("", String::concat), drawn);
        assertTrue(drawn.contains("pred 7 true 1"), drawn);
    }
}
