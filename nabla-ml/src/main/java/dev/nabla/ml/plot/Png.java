package dev.nabla.ml.plot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * Renders a chart to a PNG file without a display (servers and CI have none), written to a temporary
 * sibling and moved into place so a reader never sees half an image.
 */
public final class Png {
    public static final int DEFAULT_WIDTH = 800, DEFAULT_HEIGHT = 600;

    static {
        // must be set before AWT first loads; a GUI application that already started AWT keeps its own mode
        System.setProperty("java.awt.headless", "true");
    }

    private Png() {}

    public static void write(JFreeChart chart, Path path, int width, int height) throws IOException {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("Png.write: width and height must be > 0, got " + width + " x " + height);
        Path target = path.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ChartUtils.writeChartAsPNG(out, chart, width, height);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
