package dev.nabla.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.metrics.RocCurve;
import dev.nabla.ml.plot.ConfusionMatrixChart;
import dev.nabla.ml.plot.FeatureImportanceChart;
import dev.nabla.ml.plot.Png;
import dev.nabla.ml.plot.RocCurveChart;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The charts decode as PNGs of the asked size, show something (not one flat colour), and leave no temporary files. */
class PlotTest {
    private static final Tensor Y_TRUE = Nabla.tensor(new double[] {0, 0, 1, 1, 1, 2, 2, 0, 1, 2}, 10);
    private static final Tensor Y_PRED = Nabla.tensor(new double[] {0, 1, 1, 1, 1, 2, 0, 0, 1, 2}, 10);

    @Test
    void confusionMatrixHeatmap(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("cm.png");
        ConfusionMatrixChart.write(png, Y_TRUE, Y_PRED, List.of("setosa", "versicolor", "virginica"));
        BufferedImage img = decoded(png, dir);
        assertTrue(countPixels(img, 8, 48, 107, 40) > 1000, "the darkest cell (4 samples) is drawn in dark blue");
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrixChart.write(png, Y_TRUE, Y_PRED, List.of("a", "b")));
    }

    @Test
    void rocCurveWithAucInTheLegend(@TempDir Path dir) throws Exception {
        Tensor y = Nabla.tensor(new double[] {0, 0, 1, 1, 0, 1, 1, 0}, 8), score = Nabla.tensor(new double[] {0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.6, 0.7}, 8);
        var chart = RocCurveChart.chart(y, score, "model", "ROC");
        assertEquals("model (AUC = 0.813)", chart.getXYPlot().getDataset().getSeriesKey(0));
        Path png = dir.resolve("roc.png");
        RocCurveChart.write(png, y, score, "model");
        assertTrue(countPixels(decoded(png, dir), 31, 119, 180, 30) > 300, "the curve is drawn");
    }

    @Test
    void rocCurvePointsMatchSklearn() {
        RocCurve roc = RocCurve.of(Nabla.tensor(new double[] {0, 0, 1, 1}, 4), Nabla.tensor(new double[] {0.1, 0.4, 0.35, 0.8}, 4));
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, roc.fpr());
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, roc.tpr());
        assertArrayEquals(new double[] {1.8, 0.8, 0.4, 0.35, 0.1}, roc.thresholds(), 1e-12);
    }

    @Test
    void featureImportanceBars(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("fi.png");
        FeatureImportanceChart.write(png, List.of("alcohol", "proline", "hue"), new double[] {0.2, 0.5, 0.3});
        assertTrue(countPixels(decoded(png, dir), 31, 119, 180, 10) > 5000, "bars are drawn");
        var chart = FeatureImportanceChart.chart(List.of("a", "b", "c"), new double[] {0.2, 0.5, 0.3}, 2, "top 2");
        assertEquals(List.of("b", "c"), chart.getCategoryPlot().getDataset().getColumnKeys());
        assertThrows(IllegalArgumentException.class, () -> FeatureImportanceChart.write(png, List.of("a"), new double[] {1, 2}));
    }

    /** Reads the PNG back, checks its size, that it is not blank, and that no temporary file is left. */
    private static BufferedImage decoded(Path png, Path dir) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(Png.DEFAULT_WIDTH, img.getWidth());
        assertEquals(Png.DEFAULT_HEIGHT, img.getHeight());
        double sum = 0, sumSq = 0;
        int n = img.getWidth() * img.getHeight();
        for (int yy = 0; yy < img.getHeight(); yy++)
            for (int xx = 0; xx < img.getWidth(); xx++) {
                int rgb = img.getRGB(xx, yy), grey = ((rgb >> 16 & 255) + (rgb >> 8 & 255) + (rgb & 255)) / 3;
                sum += grey;
                sumSq += (double) grey * grey;
            }
        double variance = sumSq / n - (sum / n) * (sum / n);
        assertTrue(variance > 100, "pixel variance " + variance + ": the image is (nearly) blank");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "temporary file left behind");
        }
        return img;
    }

    private static int countPixels(BufferedImage img, int r, int g, int b, int tolerance) {
        int count = 0;
        for (int yy = 0; yy < img.getHeight(); yy++)
            for (int xx = 0; xx < img.getWidth(); xx++) {
                int rgb = img.getRGB(xx, yy);
                if (Math.abs((rgb >> 16 & 255) - r) <= tolerance && Math.abs((rgb >> 8 & 255) - g) <= tolerance && Math.abs((rgb & 255) - b) <= tolerance) count++;
            }
        return count;
    }
}
