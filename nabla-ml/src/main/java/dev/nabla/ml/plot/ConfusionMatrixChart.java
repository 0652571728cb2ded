package dev.nabla.ml.plot;

import dev.nabla.Tensor;
import dev.nabla.ml.metrics.Metrics;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A confusion matrix as a heatmap (sklearn's ConfusionMatrixDisplay): true labels down, predicted
 * across, darker for more samples, and each cell's count written on it.
 */
public final class ConfusionMatrixChart {
    private static final Color LOW = new Color(247, 251, 255), HIGH = new Color(8, 48, 107);

    private ConfusionMatrixChart() {}

    /** Classes named by their label values. */
    public static void write(Path png, Tensor yTrue, Tensor yPred) throws IOException {
        Png.write(chart(yTrue, yPred, null, "Confusion matrix"), png, Png.DEFAULT_WIDTH, Png.DEFAULT_HEIGHT);
    }

    /** classNames: one per label of the sorted union of yTrue and yPred, or null for the label values. */
    public static void write(Path png, Tensor yTrue, Tensor yPred, List<String> classNames) throws IOException {
        Png.write(chart(yTrue, yPred, classNames, "Confusion matrix"), png, Png.DEFAULT_WIDTH, Png.DEFAULT_HEIGHT);
    }

    public static JFreeChart chart(Tensor yTrue, Tensor yPred, List<String> classNames, String title) {
        Tensor cm = Metrics.confusionMatrix(yTrue, yPred);
        int k = cm.size(0);
        double[] counts = cm.toDoubleArray();
        String[] names = classNames != null ? classNames.toArray(String[]::new) : labelNames(yTrue, yPred);
        if (names.length != k) throw new IllegalArgumentException("ConfusionMatrixChart: " + names.length + " class names for " + k + " classes " + Arrays.toString(labelNames(yTrue, yPred)));
        double[][] xyz = new double[3][k * k];
        double max = 0;
        for (int r = 0; r < k; r++)
            for (int c = 0; c < k; c++) {
                xyz[0][r * k + c] = c;
                xyz[1][r * k + c] = r;
                xyz[2][r * k + c] = counts[r * k + c];
                max = Math.max(max, counts[r * k + c]);
            }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("counts", xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(new Blues(max));
        SymbolAxis predicted = new SymbolAxis("Predicted label", names), actual = new SymbolAxis("True label", names);
        actual.setInverted(true); // first class at the top, as the matrix is printed
        predicted.setGridBandsVisible(false);
        actual.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(data, predicted, actual, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, k > 12 ? 10 : 16);
        for (int r = 0; r < k; r++)
            for (int c = 0; c < k; c++) {
                double v = counts[r * k + c];
                XYTextAnnotation a = new XYTextAnnotation(Long.toString((long) v), c, r);
                a.setFont(font);
                a.setPaint(max > 0 && v > max / 2 ? Color.WHITE : Color.BLACK); // readable on dark and light cells
                plot.addAnnotation(a);
            }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static String[] labelNames(Tensor yTrue, Tensor yPred) {
        double[] all = new double[yTrue.size(0) + yPred.size(0)];
        System.arraycopy(yTrue.toDoubleArray(), 0, all, 0, yTrue.size(0));
        System.arraycopy(yPred.toDoubleArray(), 0, all, yTrue.size(0), yPred.size(0));
        return Arrays.stream(all).sorted().distinct()
                .mapToObj(v -> v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v)).toArray(String[]::new);
    }

    /** White to dark blue, linear in the count (matplotlib's "Blues"). */
    private record Blues(double max) implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return Math.max(max, 1);
        }

        @Override
        public Paint getPaint(double value) {
            double f = Math.max(0, Math.min(1, value / getUpperBound()));
            return new Color(mix(LOW.getRed(), HIGH.getRed(), f), mix(LOW.getGreen(), HIGH.getGreen(), f), mix(LOW.getBlue(), HIGH.getBlue(), f));
        }

        private static int mix(int a, int b, double f) {
            return (int) Math.round(a + (b - a) * f);
        }
    }
}
