package dev.nabla.ml.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Feature importances (a forest's impurity importances, permutation importances, |coefficients|) as
 * horizontal bars, largest at the top; only the topK largest when there are many features.
 */
public final class FeatureImportanceChart {
    private FeatureImportanceChart() {}

    public static void write(Path png, List<String> names, double[] importances) throws IOException {
        Png.write(chart(names, importances, Integer.MAX_VALUE, "Feature importances"), png, Png.DEFAULT_WIDTH, Png.DEFAULT_HEIGHT);
    }

    public static JFreeChart chart(List<String> names, double[] importances, int topK, String title) {
        if (names.size() != importances.length)
            throw new IllegalArgumentException("FeatureImportanceChart: " + names.size() + " names for " + importances.length + " importances");
        if (topK <= 0) throw new IllegalArgumentException("FeatureImportanceChart: topK must be > 0, got " + topK);
        if (new HashSet<>(names).size() != names.size())
            throw new IllegalArgumentException("FeatureImportanceChart: feature names must be distinct (they label the bars)");
        Integer[] order = new Integer[importances.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> importances[i]).reversed());
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int r = 0; r < Math.min(topK, order.length); r++) data.addValue(importances[order[r]], "importance", names.get(order[r]));
        JFreeChart chart = ChartFactory.createBarChart(title, "Feature", "Importance", data, PlotOrientation.HORIZONTAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter()); // flat bars, no gradient or shadow
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(31, 119, 180));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
