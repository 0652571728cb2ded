package dev.nabla.ml.selection;

import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.data.Table;
import dev.nabla.ml.Classifier;
import dev.nabla.ml.Predictor;
import dev.nabla.ml.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sklearn's cross_val_score and cross_validate: fit a fresh clone per split (folds run in parallel) and
 * score the held-out rows.
 */
public final class CrossValidation {
    /** A score of a fitted predictor on held-out data; larger is better. */
    @FunctionalInterface
    public interface Scorer {
        double score(Predictor fitted, Tensor x, Tensor y);
    }

    private CrossValidation() {}

    /** 5 folds (stratified for classifiers with integral labels, as sklearn), the estimator's own score. */
    public static double[] crossValScore(Predictor estimator, Tensor x, Tensor y) {
        return crossValScore(estimator, x, y, defaultCv(estimator, y), Predictor::score);
    }

    /** A Pipeline reading a Table (its first step a ColumnTransformer picking columns by name), its folds cut from the table's rows. */
    public static double[] crossValScore(Pipeline estimator, Table x, Tensor y, CrossValidator cv) {
        return crossValScore(new TableRows(x, estimator), TableRows.rowNumbers(x), y, cv, Predictor::score);
    }

    /** sklearn's cross_validate for a Pipeline reading a Table. */
    public static CrossValidateResult crossValidate(Pipeline estimator, Table x, Tensor y, CrossValidator cv, List<String> scoring, boolean returnTrainScore) {
        return crossValidate(new TableRows(x, estimator), TableRows.rowNumbers(x), y, cv, scoring, returnTrainScore);
    }

    /** sklearn's check_cv: stratified 5 folds for a classifier with integral labels, else plain 5 folds. */
    static CrossValidator defaultCv(Predictor estimator, Tensor y) {
        boolean integral = true;
        for (double v : y.toDoubleArray()) integral &= v == Math.rint(v);
        return classifies(estimator) && integral ? new StratifiedKFold(5) : new KFold(5);
    }

    /** Whether the estimator predicts classes: for a pipeline (which offers both) its last step decides. */
    private static boolean classifies(Predictor estimator) {
        if (estimator instanceof TableRows rows) return classifies(rows.pipeline());
        if (estimator instanceof Pipeline p) return p.options().steps().getLast().estimator() instanceof Predictor last && classifies(last);
        return estimator instanceof Classifier;
    }

    public static double[] crossValScore(Predictor estimator, Tensor x, Tensor y, CrossValidator cv) {
        return crossValScore(estimator, x, y, cv, Predictor::score);
    }

    public static double[] crossValScore(Predictor estimator, Tensor x, Tensor y, CrossValidator cv, Scorer scorer) {
        List<Split> splits = cv.split(x, y);
        double[] scores = new double[splits.size()];
        Parallel.forRange(splits.size(), 1, (start, end) -> {
            for (int f = start; f < end; f++) {
                Split s = splits.get(f);
                Predictor fitted = estimator.clone().fit(Split.rows(x, s.train()), Split.rows(y, s.train()));
                scores[f] = scorer.score(fitted, Split.rows(x, s.test()), Split.rows(y, s.test()));
            }
        });
        return scores;
    }
    /** sklearn's cross_validate with scorers by name ("accuracy", "f1_macro", "r2", "neg_mean_squared_error", ...; see {@link Scorers}). */
    public static CrossValidateResult crossValidate(Predictor estimator, Tensor x, Tensor y, CrossValidator cv, List<String> scoring, boolean returnTrainScore) {
        Map<String, Scorer> scorers = new LinkedHashMap<>();
        for (String name : scoring) scorers.put(name, Scorers.get(name));
        return crossValidate(estimator, x, y, cv, scorers, returnTrainScore);
    }

    /** As above with scorers of your own, keyed by the name their results carry. */
    public static CrossValidateResult crossValidate(Predictor estimator, Tensor x, Tensor y, CrossValidator cv, Map<String, Scorer> scoring, boolean returnTrainScore) {
        if (scoring.isEmpty()) throw new IllegalArgumentException("crossValidate: scoring must name at least one scorer");
        List<FoldData> folds = FoldData.of(x, y, cv.split(x, y));
        List<Scorer> scorers = new ArrayList<>(scoring.values());
        FoldResult[] results = new FoldResult[folds.size()];
        Parallel.forRange(folds.size(), 1, (start, end) -> {
            for (int f = start; f < end; f++) results[f] = FoldResult.run(estimator.clone(), folds.get(f), scorers, returnTrainScore);
        });
        double[] fit = new double[folds.size()], score = new double[folds.size()];
        Map<String, double[]> test = new LinkedHashMap<>(), train = new LinkedHashMap<>();
        int s = 0;
        for (String name : scoring.keySet()) {
            double[] te = new double[folds.size()], tr = new double[folds.size()];
            for (int f = 0; f < folds.size(); f++) {
                te[f] = results[f].test()[s];
                if (returnTrainScore) tr[f] = results[f].train()[s];
            }
            test.put(name, te);
            if (returnTrainScore) train.put(name, tr);
            s++;
        }
        for (int f = 0; f < folds.size(); f++) {
            fit[f] = results[f].fitTime();
            score[f] = results[f].scoreTime();
        }
        return new CrossValidateResult(fit, score, test, train);
    }
}
