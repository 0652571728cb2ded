package dev.nabla.ml.ensemble;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Classifier;
import dev.nabla.ml.Labels;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Validation;
import dev.nabla.ml.tree.TreePredictions;
import java.util.List;

/**
 * Histogram-based gradient boosting for classification (sklearn's HistGradientBoostingClassifier):
 * binary log loss with one tree per iteration, or softmax cross-entropy with one tree per class. NaN
 * in X is a missing value, sent at each split to the side learned in training.
 */
public final class HistGradientBoostingClassifier extends BaseEstimator<HistGradientBoostingClassifier, HistGradientBoostingClassifier.Options>
        implements Classifier {
    /** sklearn 1.2's defaults: learning rate 0.1, 100 iterations, 31 leaves, 20 samples per leaf, 255 bins, early stopping above 10,000 rows. */
    public record Options(double learningRate, int maxIter, Integer maxLeafNodes, Integer maxDepth, int minSamplesLeaf, double l2Regularization,
                          int maxBins, EarlyStopping earlyStopping, double validationFraction, int nIterNoChange, double tol, long randomState)
            implements HistOptions {
        public Options {
            HistOptions.check("HistGradientBoostingClassifier", learningRate, maxIter, maxLeafNodes, maxDepth, minSamplesLeaf, l2Regularization, maxBins, earlyStopping,
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

    private Labels labels;
    private HistBoosting.Fitted fitted;
    private int nFeatures;

    public HistGradientBoostingClassifier() {
        this(new Options());
    }

    public HistGradientBoostingClassifier(Options options) {
        super(options);
    }

    @Override
    protected HistGradientBoostingClassifier withOptions(Options o) {
        return new HistGradientBoostingClassifier(o);
    }

    @Override
    public HistGradientBoostingClassifier fit(Tensor x, Tensor y) {
        Matrix m = Validation.featuresReadOnly(name(), x, true); // only read, never kept
        double[] target = Validation.target(name(), y, m.rows());
        labels = Labels.fit(name(), target, y.dtype(), 2);
        int[] codes = labels.encode(name(), target);
        double[] c = new double[codes.length];
        for (int i = 0; i < c.length; i++) c[i] = codes[i];
        HistLoss loss = labels.size() == 2 ? new HistLoss.BinaryLogLoss() : new HistLoss.Multinomial(labels.size());
        nFeatures = m.cols();
        fitted = HistBoosting.fit(m, c, loss, options, true);
        markFitted();
        return this;
    }

    /** Raw scores: the log-odds of classes()[1] for two classes, else n x k softmax inputs. */
    @Override
    public Tensor decisionFunction(Tensor x) {
        double[] raw = raw(x, "decisionFunction");
        int k = fitted.baseline().length, n = raw.length / k;
        return k == 1 ? Nabla.tensor(raw, n) : Nabla.tensor(rowMajor(raw, n, k), n, k);
    }

    @Override
    public Tensor predictProba(Tensor x) {
        double[] p = proba(raw(x, "predictProba"));
        return Nabla.tensor(p, p.length / labels.size(), labels.size());
    }

    @Override
    public Tensor predict(Tensor x) {
        return labels.decode(TreePredictions.argmax(proba(raw(x, "predict")), labels.size()));
    }

    @Override
    public Tensor classes() {
        requireFitted("classes");
        return labels.asTensor();
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

    private double[] raw(Tensor x, String method) {
        requireFitted(method);
        Matrix m = Validation.featuresReadOnly(name(), x, true); // only read, never kept
        Validation.featureCount(name(), m, nFeatures);
        return HistBoosting.raw(fitted, m);
    }

    private double[] proba(double[] raw) {
        int k = labels.size(), n = raw.length / fitted.baseline().length;
        double[] p = new double[n * k];
        if (k == 2) {
            for (int i = 0; i < n; i++) {
                p[2 * i + 1] = 1 / (1 + Math.exp(-raw[i]));
                p[2 * i] = 1 - p[2 * i + 1];
            }
            return p;
        }
        double[] row = new double[k];
        for (int i = 0; i < n; i++) {
            HistLoss.Multinomial.softmax(raw, n, i, row);
            System.arraycopy(row, 0, p, i * k, k);
        }
        return p;
    }

    private static double[] rowMajor(double[] outputMajor, int n, int k) {
        double[] out = new double[n * k];
        for (int c = 0; c < k; c++)
            for (int i = 0; i < n; i++) out[i * k + c] = outputMajor[c * n + i];
        return out;
    }

    @Override
    protected void saveState(State out) {
        out.put("labels", labels).put("nFeatures", nFeatures).put("baseline", fitted.baseline())
                .put("iterations", fitted.iterations()).put("validationScores", fitted.validationScores());
    }

    @Override
    protected void loadState(State in) {
        labels = in.get("labels", Labels.class);
        nFeatures = in.integer("nFeatures");
        fitted = new HistBoosting.Fitted(in.doubles("baseline"), List.of(in.get("iterations", HistTree[][].class)), in.doubles("validationScores"));
    }
}
