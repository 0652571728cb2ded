package dev.nabla.ml.naivebayes;

import dev.nabla.Tensor;
import dev.nabla.ml.Check;
import dev.nabla.ml.Matrix;
import java.util.List;

/**
 * Bernoulli naive Bayes as sklearn's BernoulliNB: binary features (X > binarize, unless binarize is null and X
 * is already 0/1); absent features count as evidence too, unlike the multinomial model.
 */
public final class BernoulliNb extends DiscreteNb<BernoulliNb, BernoulliNb.Options> {
    /** @param binarize threshold mapping X to {0, 1}, or null when X is already binary */
    public record Options(double alpha, Double binarize, boolean fitPrior, List<Double> classPrior) {
        public Options {
            Check.nonNegative("BernoulliNb", "alpha", alpha);
            if (binarize != null && !Double.isFinite(binarize)) throw new IllegalArgumentException("BernoulliNb: binarize must be finite or null, got " + binarize);
            classPrior = classPrior == null ? null : List.copyOf(classPrior);
            checkPriors("BernoulliNb", classPrior);
        }

        public Options() {
            this(1.0, 0.0, true, null);
        }

        public Options alpha(double v) { return new Options(v, binarize, fitPrior, classPrior); }
        public Options binarize(Double v) { return new Options(alpha, v, fitPrior, classPrior); }
        public Options fitPrior(boolean v) { return new Options(alpha, binarize, v, classPrior); }
        public Options classPrior(List<Double> v) { return new Options(alpha, binarize, fitPrior, v); }
    }

    /** Σ_j log(1 - P(x_j = 1 | c)) per class, and the per-feature weights log p - log(1 - p). */
    private double[] negSum;
    private double[][] weights;

    public BernoulliNb() {
        this(new Options());
    }

    public BernoulliNb(Options options) {
        super(options);
    }

    @Override
    protected BernoulliNb withOptions(Options o) {
        return new BernoulliNb(o);
    }

    @Override
    public BernoulliNb fit(Tensor x, Tensor y) {
        fitCounts(x, y);
        derive();
        return this;
    }

    @Override
    Matrix prepare(Matrix x) {
        if (options.binarize() == null) return x;
        double t = options.binarize();
        double[] b = new double[x.data().length];
        for (int i = 0; i < b.length; i++) b[i] = x.data()[i] > t ? 1 : 0;
        return new Matrix(b, x.rows(), x.cols());
    }

    @Override
    double[][] logProbabilities(double[][] fc, double[] cc) {
        double a = alpha(options.alpha());
        double[][] out = new double[fc.length][fc[0].length];
        for (int c = 0; c < fc.length; c++)
            for (int j = 0; j < fc[c].length; j++) out[c][j] = Math.log(fc[c][j] + a) - Math.log(cc[c] + 2 * a);
        return out;
    }

    private void derive() {
        int k = featureLogProb.length, d = featureLogProb[0].length;
        negSum = new double[k];
        weights = new double[k][d];
        for (int c = 0; c < k; c++)
            for (int j = 0; j < d; j++) {
                double neg = Math.log(1 - Math.exp(featureLogProb[c][j]));
                weights[c][j] = featureLogProb[c][j] - neg;
                negSum[c] += neg;
            }
    }

    @Override
    double[] jointLogLikelihood(Matrix x) {
        double[] bias = new double[negSum.length];
        for (int c = 0; c < bias.length; c++) bias[c] = classLogPrior[c] + negSum[c];
        return linearLikelihood(prepare(x), weights, bias);
    }

    @Override
    protected void loadState(dev.nabla.ml.State in) {
        super.loadState(in);
        derive();
    }

    @Override
    List<Double> classPrior() {
        return options.classPrior();
    }

    @Override
    boolean fitPrior() {
        return options.fitPrior();
    }
}
