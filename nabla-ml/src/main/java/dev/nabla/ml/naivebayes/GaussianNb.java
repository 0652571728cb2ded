package dev.nabla.ml.naivebayes;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.Check;
import dev.nabla.ml.Labels;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import java.util.List;

/**
 * Gaussian naive Bayes as sklearn's GaussianNB: per-class feature means and (population) variances,
 * every variance raised by varSmoothing · the largest feature variance so none is zero.
 */
public final class GaussianNb extends NaiveBayes<GaussianNb, GaussianNb.Options> {
    /** @param priors class priors in classes() order, or null for the class frequencies */
    public record Options(List<Double> priors, double varSmoothing) {
        public Options {
            priors = priors == null ? null : List.copyOf(priors);
            checkPriors("GaussianNb", priors);
            Check.nonNegative("GaussianNb", "varSmoothing", varSmoothing);
        }

        public Options() {
            this(null, 1e-9);
        }

        public Options priors(List<Double> v) { return new Options(v, varSmoothing); }
        public Options varSmoothing(double v) { return new Options(priors, v); }
    }

    private double[][] theta, var;
    private double[] logPrior;
    private double epsilon;

    public GaussianNb() {
        this(new Options());
    }

    public GaussianNb(Options options) {
        super(options);
    }

    @Override
    protected GaussianNb withOptions(Options o) {
        return new GaussianNb(o);
    }

    @Override
    public GaussianNb fit(Tensor x, Tensor y) {
        Matrix m = features(x);
        int[] codes = fitLabels(m, y);
        int k = labels.size(), d = m.cols();
        double[] count = counts(codes, k);
        theta = new double[k][d];
        var = new double[k][d];
        for (int i = 0; i < m.rows(); i++)
            for (int j = 0; j < d; j++) theta[codes[i]][j] += m.get(i, j);
        for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) theta[c][j] /= count[c];
        for (int i = 0; i < m.rows(); i++)
            for (int j = 0; j < d; j++) {
                double dev = m.get(i, j) - theta[codes[i]][j];
                var[codes[i]][j] += dev * dev;
            }
        epsilon = options.varSmoothing() * maxFeatureVariance(m);
        for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) var[c][j] = var[c][j] / count[c] + epsilon;
        logPrior = logPrior(options.priors(), true, count);
        markFitted();
        return this;
    }

    private static double maxFeatureVariance(Matrix m) {
        double max = 0;
        for (int j = 0; j < m.cols(); j++) {
            double[] col = m.column(j);
            double mean = 0, ss = 0;
            for (double v : col) mean += v;
            mean /= col.length;
            for (double v : col) ss += (v - mean) * (v - mean);
            max = Math.max(max, ss / col.length);
        }
        return max;
    }

    @Override
    double[] jointLogLikelihood(Matrix x) {
        int k = theta.length, d = x.cols(), n = x.rows();
        double[] out = new double[n * k];
        for (int c = 0; c < k; c++) {
            double norm = 0;
            for (int j = 0; j < d; j++) norm += Math.log(2.0 * Math.PI * var[c][j]);
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double dev = x.get(i, j) - theta[c][j];
                    s += dev * dev / var[c][j];
                }
                out[i * k + c] = logPrior[c] + (-0.5 * norm - 0.5 * s);
            }
        }
        return out;
    }

    /** Per-class feature means, classes x features (sklearn's theta_). */
    public Tensor theta() {
        requireFitted("theta");
        return Nabla.tensor(theta);
    }

    /** Per-class feature variances including epsilon (sklearn's var_). */
    public Tensor var() {
        requireFitted("var");
        return Nabla.tensor(var);
    }

    public double epsilon() {
        requireFitted("epsilon");
        return epsilon;
    }

    @Override
    protected void saveState(State out) {
        out.put("labels", labels).put("theta", theta).put("var", var).put("logPrior", logPrior).put("epsilon", epsilon);
    }

    @Override
    protected void loadState(State in) {
        labels = in.get("labels", Labels.class);
        theta = in.matrix("theta");
        var = in.matrix("var");
        logPrior = in.doubles("logPrior");
        epsilon = in.number("epsilon");
        nFeatures = theta[0].length;
    }
}
