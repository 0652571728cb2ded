package dev.nabla.ml.naivebayes;

import dev.nabla.Tensor;
import dev.nabla.ml.Check;
import dev.nabla.ml.Matrix;
import java.util.List;

/** Multinomial naive Bayes as sklearn's MultinomialNB: for non-negative counts (word counts, pixel intensities). */
public final class MultinomialNb extends DiscreteNb<MultinomialNb, MultinomialNb.Options> {
    /** @param alpha additive (Laplace/Lidstone) smoothing; @param classPrior fixed priors or null */
    public record Options(double alpha, boolean fitPrior, List<Double> classPrior) {
        public Options {
            Check.nonNegative("MultinomialNb", "alpha", alpha);
            classPrior = classPrior == null ? null : List.copyOf(classPrior);
            checkPriors("MultinomialNb", classPrior);
        }

        public Options() {
            this(1.0, true, null);
        }

        public Options alpha(double v) { return new Options(v, fitPrior, classPrior); }
        public Options fitPrior(boolean v) { return new Options(alpha, v, classPrior); }
        public Options classPrior(List<Double> v) { return new Options(alpha, fitPrior, v); }
    }

    public MultinomialNb() {
        this(new Options());
    }

    public MultinomialNb(Options options) {
        super(options);
    }

    @Override
    protected MultinomialNb withOptions(Options o) {
        return new MultinomialNb(o);
    }

    @Override
    public MultinomialNb fit(Tensor x, Tensor y) {
        return fitCounts(x, y);
    }

    @Override
    Matrix features(Tensor x) {
        Matrix m = super.features(x);
        for (double v : m.data())
            if (v < 0) throw new IllegalArgumentException(name() + ": X must be non-negative (counts or frequencies), got " + v);
        return m;
    }

    @Override
    Matrix prepare(Matrix x) {
        return x;
    }

    @Override
    double[][] logProbabilities(double[][] fc, double[] cc) {
        double a = alpha(options.alpha());
        double[][] out = new double[fc.length][fc[0].length];
        for (int c = 0; c < fc.length; c++) {
            double total = 0;
            for (double v : fc[c]) total += v + a;
            for (int j = 0; j < fc[c].length; j++) out[c][j] = Math.log(fc[c][j] + a) - Math.log(total);
        }
        return out;
    }

    @Override
    double[] jointLogLikelihood(Matrix x) {
        return linearLikelihood(x, featureLogProb, classLogPrior);
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
