package dev.nabla.nn.keras;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws a {@link History} with JFreeChart: stacked panels sharing an epoch axis. */
final class HistoryPlot {
    static final int DEFAULT_WIDTH = 800;
    static final int DEFAULT_PANEL_HEIGHT = 300;
    private static final String VAL = "val_";
    // matplotlib's first two colours, which Keras users know from their learning curves
    private static final Color TRAINING = new Color(0x1f77b4);
    private static final Color VALIDATION = new Color(0xff7f0e);
    private static final Color LEARNING_RATE = Color.GRAY;

    static {
        // A PNG needs no display. Without one (servers, CI) make sure AWT never tries to open one;
        // with one, leave the property alone so the user's Swing windows keep working.
        if (System.getProperty("java.awt.headless") == null && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null)
            System.setProperty("java.awt.headless", "true");
    }

    private HistoryPlot() {}

    /** The keys drawn together: each quantity with its "val_" twin; "lr" only if it changed. */
    static List<List<String>> panels(History history) {
        List<List<String>> panels = new ArrayList<>();
        for (String key : history.keys()) {
            if (key.equals("lr")) continue;
            if (key.startsWith(VAL) && history.keys().contains(key.substring(VAL.length()))) continue;
            List<String> panel = new ArrayList<>(List.of(key));
            if (history.keys().contains(VAL + key)) panel.add(VAL + key);
            panels.add(panel);
        }
        if (history.keys().contains("lr") && history.get("lr").stream().distinct().count() > 1) panels.add(List.of("lr"));
        return panels;
    }

    static void write(History history, Path png, int width, int height) throws IOException {
        if (history.epochs() == 0) throw new IllegalStateException("History.plot: the history is empty; fit the model first");
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("History.plot: width and height must be positive, got " + width + "x" + height);
        JFreeChart chart = chart(history);
        AtomicWrite.write(png, tmp -> ChartUtils.saveChartAsPNG(tmp.toFile(), chart, width, height));
    }

    private static JFreeChart chart(History history) {
        NumberAxis epochAxis = new NumberAxis("epoch");
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochAxis.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochAxis);
        plot.setGap(12);
        List<List<String>> panels = panels(history);
        for (List<String> panel : panels) plot.add(panel(history, panel));
        JFreeChart chart = new JFreeChart("Training history", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addLegend(legend(panels));
        return chart;
    }

    /** Colours mean the same in every panel, so one legend names them once rather than per curve. */
    private static LegendTitle legend(List<List<String>> panels) {
        LegendItemCollection items = new LegendItemCollection();
        items.add(new LegendItem("training", TRAINING));
        if (panels.stream().anyMatch(p -> p.size() > 1)) items.add(new LegendItem("validation", VALIDATION));
        if (panels.contains(List.of("lr"))) items.add(new LegendItem("learning rate", LEARNING_RATE));
        LegendTitle legend = new LegendTitle(() -> items);
        legend.setPosition(RectangleEdge.BOTTOM);
        return legend;
    }

    private static Color colour(String key) {
        return key.equals("lr") ? LEARNING_RATE : key.startsWith(VAL) ? VALIDATION : TRAINING;
    }

    private static XYPlot panel(History history, List<String> keys) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String key : keys) {
            XYSeries series = new XYSeries(key);
            List<Double> values = history.get(key);
            // epochs are shown from 1, as the progress bar counts them; missing values are gaps
            for (int e = 0; e < values.size(); e++) if (Double.isFinite(values.get(e))) series.add(e + 1, values.get(e));
            data.addSeries(series);
        }
        NumberAxis valueAxis = new NumberAxis(keys.getFirst());
        valueAxis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < keys.size(); s++) {
            renderer.setSeriesStroke(s, new BasicStroke(2f));
            renderer.setSeriesPaint(s, colour(keys.get(s)));
        }
        XYPlot panel = new XYPlot(data, null, valueAxis, renderer);
        panel.setBackgroundPaint(Color.WHITE);
        panel.setDomainGridlinePaint(Color.LIGHT_GRAY);
        panel.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return panel;
    }
}
