package dev.nabla.ml.ensemble;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.Regressor;
import dev.nabla.ml.State;
import dev.nabla.ml.Validation;
import java.util.List;

/**
 * Histogram-based gradient boosting for regression with squared error (sklearn's
 * HistGradientBoostingRegressor). NaN in X is a missing value, sent at each split to the side learned in training.
 */
public final class HistGradientBoostingRegressor extends BaseEstimator<HistGradientBoostingRegressor, HistGradientBoostingRegressor.Options>
        implements Regressor {
    /** sklearn 1.2's defaults: learning rate 0.1, 100 iterations, 31 leaves, 20 samples per leaf, 255 bins, early stopping above 10,000 rows. */
    public record Options(double learningRate, int maxIter, Integer maxLeafNodes, Integer maxDepth, int minSamplesLeaf, double l2Regularization,
                          int maxBins, EarlyStopping earlyStopping, double validationFraction, int nIterNoChange, double tol, long randomState)
            implements HistOptions {
        public Options {
            HistOptions.check("HistGradientBoostingRegressor", learningRate, maxIter, maxLeafNodes, maxDepth, minSamplesLeaf, l2Regularization, maxBins, earlyStopping,
                    validationFraction, nIterNoChange, tol);
        }

        public Options() {
            this(0.1, 100, 31, null, 20, 0, 255, EarlyStopping.AUTO, 0.1, 10, 1e-7, 0);
        }

        public Options learningRate(double v) { return new Options(v, maxIter, maxLeafNodes, maxDepth, minSamplesLeaf, l2Regularization, maxBins, earlyStopping, validationFraction, nIterNoChange, tol, randomState); }
        public Options maxIter(int v) { return new Options(learningRate, v, maxLeafNodes, maxDepth, minSamplesLeaf, l2Regularization, maxBins, earlyStopping, validationFraction, nIterNoChange, tol, randomState); }
        public Options maxLeafNodes(Integer v) { return new Options(learningRate, maxIter, v, maxDepth, minSamplesLeaf, l2Regularization, maxBins, earlyStopping, validationFraction, nIterNoChange, tol, randomState); }
        public Options maxDepth(Integer v) { return new Options(learningRate, maxIter, maxLeafNodes, v, minSamplesLeaf, l2Regularization, maxBins, earlyStopping, validationFraction, nIterNoChange, tol, randomState); }
        public Options minSamplesLeaf(int v) { return new Options(learningRate, maxIter, maxLeafNodes, maxDepth, v, l2Regularization, maxBins, earlyStopping, validationFraction, nIterNoChange, tol, randomState); }
        public Options l2Regularization(double v) { return new Options(learningRate, maxIter, maxLeafNodes, maxDepth, minSamplesLeaf, v, maxBins, earlyStopping, validationFraction, nIterNoChange, tol, randomState); }
        public Options maxBins(int v) { return new Options(learningRate, maxIter, maxLeafNodes, maxDepth, minSamplesLeaf, l2Regularization, v, earlyStopping, validationFraction, nIterNoChange, tol, randomState); }
        public Options earlyStopping(EarlyStopping v) { return new Options(learningRate, maxIter, maxLeafNodes, maxDepth, minSamplesLeaf, l2Regularization, maxBins, v, validationFraction, nIterNoChange, tol, randomState); }
        public Options validationFraction(double v) { return new Options(learningRate, maxIter, maxLeafNodes, maxDepth, minSamplesLeaf, l2Regularization, maxBins, earlyStopping, v, nIterNoChange, tol, randomState); }
        public Options nIterNoChange(int v) { return new Options(learningRate, maxIter, maxLeafNodes, maxDepth, minSamplesLeaf, l2Regularization, maxBins, earlyStopping, validationFraction, v, tol, randomState); }
        public Options tol(double v) { return new Options(learningRate, maxIter, maxLeafNodes, maxDepth, minSamplesLeaf, l2Regularization, maxBins, earlyStopping, validationFraction, nIterNoChange, v, randomState); }
        public Options randomState(long v) { return new Options(learningRate, maxIter, maxLeafNodes, maxDepth, minSamplesLeaf, l2Regularization, maxBins, earlyStopping, validationFraction, nIterNoChange, tol, v); }
    }

    private HistBoosting.Fitted fitted;
    private int nFeatures;

    public HistGradientBoostingRegressor() {
        this(new Options());
    }

    public HistGradientBoostingRegressor(Options options) {
        super(options);
    }

    @Override
    protected HistGradientBoostingRegressor withOptions(Options o) {
        return new HistGradientBoostingRegressor(o);
    }

    @Override
    public HistGradientBoostingRegressor fit(Tensor x, Tensor y) {
        Matrix m = Validation.featuresReadOnly(name(), x, true); // only read, never kept
        double[] target = Validation.target(name(), y, m.rows());
        nFeatures = m.cols();
        fitted = HistBoosting.fit(m, target, new HistLoss.SquaredError(), options, false);
        markFitted();
        return this;
    }

    @Override
    public Tensor predict(Tensor x) {
        requireFitted("predict");
        Matrix m = Validation.featuresReadOnly(name(), x, true); // only read, never kept
        Validation.featureCount(name(), m, nFeatures);
        double[] p = HistBoosting.raw(fitted, m);
        return Nabla.tensor(p, p.length);
    }

    /** Boosting iterations fitted (fewer than maxIter when early stopping ended the fit). */
    public int nIter() {
        requireFitted("nIter");
        return fitted.iterations().size();
    }

    /** −loss on the validation rows before the first and after each iteration; empty without early stopping. */
    public double[] validationScores() {
        requireFitted("validationScores");
        return fitted.validationScores().clone();
    }

    @Override
    protected void saveState(State out) {
        out.put("nFeatures", nFeatures).put("baseline", fitted.baseline()).put("iterations", fitted.iterations())
                .put("validationScores", fitted.validationScores());
    }

    @Override
    protected void loadState(State in) {
        nFeatures = in.integer("nFeatures");
        fitted = new HistBoosting.Fitted(in.doubles("baseline"), List.of(in.get("iterations", HistTree[][].class)), in.doubles("validationScores"));
    }
}
