package dev.nabla.nn.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelProgressBarTest {
    private static void fitWith(ProgressBar bar) {
        Nabla.manualSeed(0);
        Tensor[] xy = Problems.separable(160, 1);
        new Model(Problems.mlp()).compile("sgd", 0.01, "cross_entropy", "accuracy")
                .fit(xy[0], xy[1], FitOptions.defaults().withVerbose(0).withEpochs(2).withValidationSplit(0.2).withCallbacks(bar));
    }

    private static String output(boolean interactive) {
        var bytes = new ByteArrayOutputStream();
        fitWith(new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), interactive));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainModePrintsOneLinePerEpoch() {
        String out = output(false);
        assertFalse(out.contains("\r"), "no carriage returns off a terminal");
        List<String> lines = out.lines().toList();
        assertEquals(2, lines.size(), out);
        for (int e = 0; e < 2; e++) {
            String pattern = "Epoch " + (e + 1) + "/2 - 4/4 - \\d+\\.\\d\\ds - \\d+ samples/s - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4}"
                    + " - lr: 0\\.0100 - val_loss: \\d\\.\\d{4} - val_accuracy: \\d\\.\\d{4}";
            assertTrue(lines.get(e).matches(pattern), lines.get(e));
        }
    }

    @Test
    void interactiveModeRedrawsInPlaceAndEndsEachEpochWithANewline() {
        String out = output(true);
        String[] epochs = out.split(System.lineSeparator());
        assertEquals(2, epochs.length, out);
        for (int e = 0; e < 2; e++) {
            assertTrue(epochs[e].startsWith("\r"), epochs[e]);
            String last = epochs[e].substring(epochs[e].lastIndexOf('\r') + 1).stripTrailing();
            assertTrue(last.startsWith("Epoch " + (e + 1) + "/2 - 4/4 - ") && last.contains(" - val_accuracy: "), last);
        }
    }

    @Test
    void numbersAndDurationsReadWell() {
        assertEquals("0.0100", ProgressBar.number(0.01));
        assertEquals("1.0000e-05", ProgressBar.number(1e-5));
        assertEquals("0.0000", ProgressBar.number(0));
        assertEquals("12.35s", ProgressBar.duration(12.345));
        assertEquals("1m15s", ProgressBar.duration(75));
        assertEquals("2h03m04s", ProgressBar.duration(7384));
    }
}
