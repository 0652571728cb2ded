package dev.nabla.examples;

import dev.nabla.Tensor;
import dev.nabla.data.BundledDataset;
import dev.nabla.data.BundledDatasets;
import dev.nabla.data.Column;
import dev.nabla.data.Table;
import dev.nabla.ml.Predictor;
import dev.nabla.ml.compose.ColumnTransformer;
import dev.nabla.ml.ensemble.HistGradientBoostingClassifier;
import dev.nabla.ml.metrics.Metrics;
import dev.nabla.ml.pipeline.Pipeline;
import dev.nabla.ml.plot.ConfusionMatrixChart;
import dev.nabla.ml.preprocessing.HandleUnknown;
import dev.nabla.ml.preprocessing.OneHotEncoder;
import dev.nabla.ml.preprocessing.StandardScaler;
import dev.nabla.ml.selection.GridSearchCV;
import dev.nabla.ml.selection.StratifiedKFold;
import dev.nabla.ml.selection.TrainTestSplit;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * tabular: the classic tabular workflow. The wine data's alcohol content is
 * binned into a string column "alcohol_level" (low / medium / high) so the table mixes numeric and
 * categorical columns; a ColumnTransformer picks them by name, scales the numbers and one-hot encodes
 * the strings, a classifier follows, GridSearchCV tunes the pipeline on the training rows of the table,
 * and the test rows score it once.
 * Ends with one JSON line of the final metrics.
 */
public final class Tabular {
    private static final double[] ALCOHOL_EDGES = {12.5, 13.5}; // %vol: below 12.5 low, below 13.5 medium, else high

    private Tabular() {}

    /** The classifier and the grid searched over it: gradient boosting, small leaves for a 178-row table. */
    private static Predictor classifier() {
        return new HistGradientBoostingClassifier(new HistGradientBoostingClassifier.Options().maxIter(50).minSamplesLeaf(5).randomState(0));
    }

    private static final Map<String, List<?>> GRID = Map.of("clf.learningRate", List.of(0.05, 0.2), "clf.maxLeafNodes", List.of(4, 15));

    public static Map<String, Object> run(ExampleOptions options) {
        PrintStream out = options.out();
        long seed = options.seed();
        BundledDataset wine = BundledDatasets.wine();
        Table table = withAlcoholLevel(wine);
        List<String> numeric = table.columnNames().stream().filter(n -> !n.equals("alcohol_level")).toList();
        out.println("wine: " + table.rowCount() + " rows; numeric " + numeric.size() + " columns, categorical: alcohol_level (low/medium/high)");

        Tensor y = wine.y();
        var split = TrainTestSplit.split(table, y, 0.25, seed, true);
        ColumnTransformer prep = new ColumnTransformer(new ColumnTransformer.Options()
                .add("num", new StandardScaler(), numeric.toArray(String[]::new))
                .add("cat", new OneHotEncoder(new OneHotEncoder.Options().handleUnknown(HandleUnknown.IGNORE)), "alcohol_level"));
        Pipeline pipeline = Pipeline.of("prep", prep, "clf", classifier());

        GridSearchCV search = new GridSearchCV(new GridSearchCV.Options(pipeline, GRID)
                .cv(new StratifiedKFold(5, true, seed)).scoring("accuracy")).fit(split.xTrain(), split.yTrain());
        out.println();
        out.println("GridSearchCV, 5-fold stratified CV on " + split.xTrain().rowCount() + " training rows:");
        out.print(search.cvResults());
        out.println("best params: " + search.bestParams() + "  (mean CV accuracy " + fmt(search.bestScore()) + ")");

        Tensor predicted = search.predict(split.xTest());
        double accuracy = Metrics.accuracy(split.yTest(), predicted);
        out.println();
        out.println("classification report on " + split.xTest().rowCount() + " held-out rows:");
        out.print(Metrics.classificationReport(split.yTest(), predicted));
        if (options.plots() != null) writeConfusionMatrix(out, options.plots(), split.yTest(), predicted, wine.targetNames());
        out.println();
        return Training.report(options, Training.metrics("example", "tabular", "dataset", "wine", "test_accuracy", accuracy,
                "cv_best_score", search.bestScore(), "best_params", search.bestParams()));
    }

    /** The wine table with alcohol replaced by its level, a string column: "low", "medium" or "high". */
    static Table withAlcoholLevel(BundledDataset wine) {
        double[] x = wine.x().toDoubleArray();
        int d = wine.featureNames().size(), n = wine.x().size(0);
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) col[i] = x[i * d + j];
            if (!wine.featureNames().get(j).equals("alcohol")) {
                columns.add(new Column.Doubles(wine.featureNames().get(j), col));
                continue;
            }
            String[] level = new String[n];
            for (int i = 0; i < n; i++) level[i] = col[i] < ALCOHOL_EDGES[0] ? "low" : col[i] < ALCOHOL_EDGES[1] ? "medium" : "high";
            columns.add(new Column.Strings("alcohol_level", level));
        }
        return new Table(columns);
    }

    private static void writeConfusionMatrix(PrintStream out, Path dir, Tensor yTrue, Tensor yPred, List<String> classNames) {
        try {
            Files.createDirectories(dir);
            Path png = dir.resolve("tabular_confusion_matrix.png");
            ConfusionMatrixChart.write(png, yTrue, yPred, classNames);
            out.println("wrote " + png);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the confusion matrix into " + dir, e);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
