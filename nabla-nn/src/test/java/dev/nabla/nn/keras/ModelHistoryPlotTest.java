package dev.nabla.nn.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelHistoryPlotTest {
    @TempDir Path dir;

    private static BufferedImage read(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " does not decode as an image");
        return image;
    }

    @Test
    void plotsLossAndEachMetricAsAPanelOfAPng() throws IOException {
        Nabla.manualSeed(0);
        Tensor[] xy = Problems.separable(128, 1);
        History h = new Model(Problems.mlp()).compile("adam", 0.01, "cross_entropy", "accuracy")
                .fit(xy[0], xy[1], FitOptions.defaults().withVerbose(0).withEpochs(3).withValidationSplit(0.25));
        // loss and accuracy (each with its val_ twin); the constant learning rate gets no panel
        assertEquals(List.of(List.of("loss", "val_loss"), List.of("accuracy", "val_accuracy")), HistoryPlot.panels(h));
        Path png = dir.resolve("curves.png");
        h.plot(png);
        BufferedImage image = read(png);
        assertEquals(800, image.getWidth());
        assertEquals(600, image.getHeight());

        h.plot(png, 640, 480);
        assertEquals(640, read(png).getWidth());
        assertEquals(480, read(png).getHeight());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList(), "no temporary files left behind");
        }
    }

    @Test
    void aChangingLearningRateGetsItsOwnPanel() throws IOException {
        History h = new History();
        h.append(Map.of("loss", 1.0, "lr", 0.1));
        h.append(Map.of("loss", 0.5, "lr", 0.05));
        assertEquals(List.of(List.of("loss"), List.of("lr")), HistoryPlot.panels(h));
        Path png = dir.resolve("lr.png");
        h.plot(png);
        assertEquals(600, read(png).getHeight());
    }

    @Test
    void anEmptyHistoryHasNothingToPlot() {
        var e = assertThrows(IllegalStateException.class, () -> new History().plot(dir.resolve("x.png")));
        assertEquals("History.plot: the history is empty; fit the model first", e.getMessage());
    }
}
