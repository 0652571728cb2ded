package dev.nabla.ml.selection;

import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Classifier;
import dev.nabla.ml.Predictor;
import java.util.List;

/** sklearn's cross_val_score: fits a fresh clone per split (folds run in parallel) and scores the held-out rows. */
public final class CrossValidation {
    /** A score of a fitted predictor on held-out data; larger is better. */
    @FunctionalInterface
    public interface Scorer {
        double score(Predictor fitted, Tensor x, Tensor y);
    }

    private CrossValidation() {}

    /** 5 folds (stratified for classifiers, as sklearn), the estimator's own score. */
    public static double[] crossValScore(Predictor estimator, Tensor x, Tensor y) {
        CrossValidator cv = estimator instanceof Classifier ? new StratifiedKFold(5) : new KFold(5);
        return crossValScore(estimator, x, y, cv, Predictor::score);
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
}
