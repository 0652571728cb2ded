package dev.nabla.ml.naivebayes;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.Labels;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import java.util.List;

/**
 * Naive Bayes over count-like features (sklearn's _BaseDiscreteNB): per-class feature totals smoothed by
 * alpha into log feature probabilities; the joint log-likelihood is linear in X, computed by matrix product.
 */
abstract class DiscreteNb<E extends DiscreteNb<E, O>, O extends Record> extends NaiveBayes<E, O> {
    /** sklearn (force_alpha=False) raises alpha below this to it, so no log(0) appears. */
    static final double MIN_ALPHA = 1e-10;

    protected double[][] featureLogProb;
    protected double[] classLogPrior;

    DiscreteNb(O options) {
        super(options);
    }

    /** The fit's feature matrix after any preprocessing (binarisation), validated. */
    abstract Matrix prepare(Matrix x);

    /** log P(feature | class) from the per-class feature totals and class counts. */
    abstract double[][] logProbabilities(double[][] featureCount, double[] classCount);

    abstract List<Double> classPrior();

    abstract boolean fitPrior();

    @SuppressWarnings("unchecked")
    E fitCounts(Tensor x, Tensor y) {
        Matrix m = prepare(features(x));
        int[] codes = fitLabels(m, y);
        int k = labels.size(), d = m.cols();
        double[][] fc = new double[k][d];
        for (int i = 0; i < m.rows(); i++)
            for (int j = 0; j < d; j++) fc[codes[i]][j] += m.get(i, j);
        double[] cc = counts(codes, k);
        featureLogProb = logProbabilities(fc, cc);
        classLogPrior = logPrior(classPrior(), fitPrior(), cc);
        markFitted();
        return (E) this;
    }

    /** X · log P(x|c)ᵀ + log P(c). */
    double[] linearLikelihood(Matrix x, double[][] weights, double[] bias) {
        int k = weights.length, n = x.rows();
        Matrix w = new Matrix(flatten(weights), k, x.cols());
        double[] out = x.timesTransposed(w).data();
        for (int i = 0; i < n; i++) for (int c = 0; c < k; c++) out[i * k + c] += bias[c];
        return out;
    }

    static double alpha(double alpha) {
        return Math.max(alpha, MIN_ALPHA);
    }

    private static double[] flatten(double[][] rows) {
        int d = rows[0].length;
        double[] out = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, out, i * d, d);
        return out;
    }

    /** log P(feature | class), classes x features (sklearn's feature_log_prob_). */
    public Tensor featureLogProb() {
        requireFitted("featureLogProb");
        return Nabla.tensor(featureLogProb);
    }

    public Tensor classLogPrior() {
        requireFitted("classLogPrior");
        return Nabla.tensor(classLogPrior, classLogPrior.length);
    }

    @Override
    protected void saveState(State out) {
        out.put("labels", labels).put("featureLogProb", featureLogProb).put("classLogPrior", classLogPrior);
    }

    @Override
    protected void loadState(State in) {
        labels = in.get("labels", Labels.class);
        featureLogProb = in.matrix("featureLogProb");
        classLogPrior = in.doubles("classLogPrior");
        nFeatures = featureLogProb[0].length;
    }
}
