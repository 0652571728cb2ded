package dev.nabla.ml.selection;

import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Predictor;
import dev.nabla.ml.selection.CrossValidation.Scorer;
import java.util.List;

/**
 * One fit on one fold: the scores of each scorer on the held-out rows (and on the training rows when
 * asked, else null) and the seconds fit and scoring took.
 */
record FoldResult(double fitTime, double scoreTime, double[] test, double[] train) {
    /**
     * Fits the unfitted model on the fold's training rows and scores it; the caller owns the model. Runs
     * as one serial piece ({@link Parallel#serial}): the fits are what is spread over the threads, and
     * each computes the same bits whatever the thread count.
     */
    static FoldResult run(Predictor unfitted, FoldData fold, List<Scorer> scorers, boolean trainScores) {
        FoldResult[] out = new FoldResult[1];
        Parallel.serial(() -> out[0] = measure(unfitted, fold, scorers, trainScores));
        return out[0];
    }

    private static FoldResult measure(Predictor unfitted, FoldData fold, List<Scorer> scorers, boolean trainScores) {
        long t0 = System.nanoTime();
        Predictor fitted = unfitted.fit(fold.xTrain(), fold.yTrain());
        long t1 = System.nanoTime();
        double[] test = new double[scorers.size()];
        for (int s = 0; s < test.length; s++) test[s] = scorers.get(s).score(fitted, fold.xTest(), fold.yTest());
        long t2 = System.nanoTime();
        double[] train = null;
        if (trainScores) {
            train = new double[scorers.size()];
            for (int s = 0; s < train.length; s++) train[s] = scorers.get(s).score(fitted, fold.xTrain(), fold.yTrain());
        }
        return new FoldResult((t1 - t0) / 1e9, (t2 - t1) / 1e9, test, train);
    }
}
