package dev.nabla.ml.plot;

import dev.nabla.Tensor;
import dev.nabla.ml.metrics.Metrics;
import dev.nabla.ml.metrics.RocCurve;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A binary classifier's ROC curve with its AUC in the legend (sklearn's RocCurveDisplay), over the
 * dashed diagonal of a random guess. The score ranks the positive class: decisionFunction or the
 * positive column of predictProba.
 */
public final class RocCurveChart {
    private RocCurveChart() {}

    public static void write(Path png, Tensor yTrue, Tensor score, String name) throws IOException {
        Png.write(chart(yTrue, score, name, "ROC curve"), png, Png.DEFAULT_WIDTH, Png.DEFAULT_HEIGHT);
    }

    public static JFreeChart chart(Tensor yTrue, Tensor score, String name, String title) {
        RocCurve roc = RocCurve.of(yTrue, score);
        double auc = Metrics.rocAuc(yTrue, score);
        XYSeries curve = new XYSeries(String.format(Locale.ROOT, "%s (AUC = %.3f)", name, auc), false, true);
        for (int i = 0; i < roc.fpr().length; i++) curve.add(roc.fpr()[i], roc.tpr()[i]);
        XYSeries chance = new XYSeries("Chance (AUC = 0.5)", false, true);
        chance.add(0, 0);
        chance.add(1, 1);
        XYSeriesCollection data = new XYSeriesCollection(curve);
        data.addSeries(chance);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "False positive rate", "True positive rate", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, new Color(31, 119, 180));
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setSeriesPaint(1, Color.GRAY);
        renderer.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
        plot.setRenderer(renderer);
        plot.getDomainAxis().setRange(0, 1);
        plot.getRangeAxis().setRange(0, 1.02);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
