package dev.nabla.ml.naivebayes;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Classifier;
import dev.nabla.ml.Labels;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.Validation;
import java.util.List;

/**
 * What every naive Bayes classifier shares: predictions from the joint log-likelihood log P(c) + log P(x|c),
 * probabilities by normalising it with log-sum-exp (sklearn's predict_log_proba), and prior handling.
 */
abstract class NaiveBayes<E extends NaiveBayes<E, O>, O extends Record> extends BaseEstimator<E, O> implements Classifier {
    protected Labels labels;
    protected int nFeatures;

    NaiveBayes(O options) {
        super(options);
    }

    /** n x classes joint log-likelihoods of validated input. */
    abstract double[] jointLogLikelihood(Matrix x);

    /** Validated X of a fit or of a prediction (subclasses add their own checks). */
    Matrix features(Tensor x) {
        return Validation.features(name(), x);
    }

    /** The class codes of y, learning the labels. */
    int[] fitLabels(Matrix x, Tensor y) {
        double[] target = Validation.target(name(), y, x.rows());
        labels = Labels.fit(name(), target, y.dtype(), 1);
        nFeatures = x.cols();
        return labels.encode(name(), target);
    }

    /** log prior per class: given priors, else the class frequencies (fitPrior) or uniform. */
    double[] logPrior(List<Double> priors, boolean fitPrior, double[] classCount) {
        int k = classCount.length;
        double[] out = new double[k];
        if (priors != null) {
            if (priors.size() != k)
                throw new IllegalArgumentException(name() + ": " + priors.size() + " priors given for " + k + " classes");
            double sum = 0;
            for (double p : priors) sum += p;
            if (Math.abs(sum - 1) > 1e-8) throw new IllegalArgumentException(name() + ": priors must sum to 1, got " + sum);
            for (int c = 0; c < k; c++) out[c] = Math.log(priors.get(c));
        } else if (fitPrior) {
            double total = 0;
            for (double n : classCount) total += n;
            for (int c = 0; c < k; c++) out[c] = Math.log(classCount[c]) - Math.log(total);
        } else java.util.Arrays.fill(out, -Math.log(k));
        return out;
    }

    private double[] jll(Tensor x, String method) {
        requireFitted(method);
        Matrix m = features(x);
        Validation.featureCount(name(), m, nFeatures);
        return jointLogLikelihood(m);
    }

    @Override
    public Tensor predict(Tensor x) {
        double[] j = jll(x, "predict");
        int k = labels.size(), n = j.length / k;
        int[] codes = new int[n];
        for (int i = 0; i < n; i++)
            for (int c = 1; c < k; c++) if (j[i * k + c] > j[i * k + codes[i]]) codes[i] = c;
        return labels.decode(codes);
    }

    /** log P(c | x), n x classes. */
    public Tensor predictLogProba(Tensor x) {
        double[] j = jll(x, "predictLogProba");
        int k = labels.size(), n = j.length / k;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY, s = 0;
            for (int c = 0; c < k; c++) max = Math.max(max, j[i * k + c]);
            for (int c = 0; c < k; c++) s += Math.exp(j[i * k + c] - max);
            double lse = max + Math.log(s);
            for (int c = 0; c < k; c++) j[i * k + c] -= lse;
        }
        return Nabla.tensor(j, n, k);
    }

    @Override
    public Tensor predictProba(Tensor x) {
        return predictLogProba(x).exp();
    }

    /** Naive Bayes has no decision function in sklearn either; its scores are {@link #predictLogProba}. */
    @Override
    public Tensor decisionFunction(Tensor x) {
        throw new UnsupportedOperationException(name() + " has no decisionFunction (as in sklearn); use predictLogProba");
    }

    @Override
    public Tensor classes() {
        requireFitted("classes");
        return labels.asTensor();
    }

    static double[] counts(int[] codes, int k) {
        double[] out = new double[k];
        for (int c : codes) out[c]++;
        return out;
    }

    static void checkPriors(String owner, List<Double> priors) {
        if (priors == null) return;
        for (Double p : priors)
            if (p == null || !(p >= 0)) throw new IllegalArgumentException(owner + ": priors must be >= 0, got " + priors);
    }
}
