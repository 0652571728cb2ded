package dev.nabla.ml.linear;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Check;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.Regressor;
import dev.nabla.ml.State;
import dev.nabla.ml.Validation;

/**
 * Linear regression by stochastic gradient descent as sklearn's SGDRegressor: squared_error, huber or
 * epsilon_insensitive loss, L2 / L1 / elastic-net penalty, INVSCALING steps by default. Scale X first.
 */
public final class SgdRegressor extends BaseEstimator<SgdRegressor, SgdRegressor.Options> implements Regressor {
    private static final String NAME = "SgdRegressor";

    /** @param epsilon Huber threshold / insensitive tube half-width */
    public record Options(SgdLoss loss, double epsilon, SgdPenalty penalty, double alpha, double l1Ratio, boolean fitIntercept,
                          int maxIter, double tol, boolean shuffle, long seed, SgdLearningRate learningRate, double eta0,
                          double powerT, int nIterNoChange, boolean average) {
        public Options {
            Check.notNull(NAME, "loss", loss);
            if (loss.forClassification())
                throw new IllegalArgumentException(NAME + ": loss must be squared_error, huber or epsilon_insensitive, got " + loss.name().toLowerCase());
            Check.nonNegative(NAME, "epsilon", epsilon);
            SgdChecks.common(NAME, penalty, alpha, l1Ratio, maxIter, tol, learningRate, eta0, nIterNoChange);
        }

        public Options() {
            this(SgdLoss.SQUARED_ERROR, 0.1, SgdPenalty.L2, 1e-4, 0.15, true, 1000, 1e-3, true, 0, SgdLearningRate.INVSCALING, 0.01, 0.25, 5, false);
        }

        public Options loss(SgdLoss v) { return new Options(v, epsilon, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, seed, learningRate, eta0, powerT, nIterNoChange, average); }
        public Options epsilon(double v) { return new Options(loss, v, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, seed, learningRate, eta0, powerT, nIterNoChange, average); }
        public Options penalty(SgdPenalty v) { return new Options(loss, epsilon, v, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, seed, learningRate, eta0, powerT, nIterNoChange, average); }
        public Options alpha(double v) { return new Options(loss, epsilon, penalty, v, l1Ratio, fitIntercept, maxIter, tol, shuffle, seed, learningRate, eta0, powerT, nIterNoChange, average); }
        public Options l1Ratio(double v) { return new Options(loss, epsilon, penalty, alpha, v, fitIntercept, maxIter, tol, shuffle, seed, learningRate, eta0, powerT, nIterNoChange, average); }
        public Options fitIntercept(boolean v) { return new Options(loss, epsilon, penalty, alpha, l1Ratio, v, maxIter, tol, shuffle, seed, learningRate, eta0, powerT, nIterNoChange, average); }
        public Options maxIter(int v) { return new Options(loss, epsilon, penalty, alpha, l1Ratio, fitIntercept, v, tol, shuffle, seed, learningRate, eta0, powerT, nIterNoChange, average); }
        public Options tol(double v) { return new Options(loss, epsilon, penalty, alpha, l1Ratio, fitIntercept, maxIter, v, shuffle, seed, learningRate, eta0, powerT, nIterNoChange, average); }
        public Options shuffle(boolean v) { return new Options(loss, epsilon, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, v, seed, learningRate, eta0, powerT, nIterNoChange, average); }
        public Options seed(long v) { return new Options(loss, epsilon, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, v, learningRate, eta0, powerT, nIterNoChange, average); }
        public Options learningRate(SgdLearningRate v) { return new Options(loss, epsilon, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, seed, v, eta0, powerT, nIterNoChange, average); }
        public Options eta0(double v) { return new Options(loss, epsilon, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, seed, learningRate, v, powerT, nIterNoChange, average); }
        public Options powerT(double v) { return new Options(loss, epsilon, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, seed, learningRate, eta0, v, nIterNoChange, average); }
        public Options nIterNoChange(int v) { return new Options(loss, epsilon, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, seed, learningRate, eta0, powerT, v, average); }
        public Options average(boolean v) { return new Options(loss, epsilon, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, seed, learningRate, eta0, powerT, nIterNoChange, v); }
    }

    private double[] coef;
    private double intercept;
    private int nIter;

    public SgdRegressor() {
        this(new Options());
    }

    public SgdRegressor(Options options) {
        super(options);
    }

    @Override
    protected SgdRegressor withOptions(Options o) {
        return new SgdRegressor(o);
    }

    @Override
    public SgdRegressor fit(Tensor x, Tensor y) {
        Matrix m = Validation.features(name(), x);
        double[] target = Validation.target(name(), y, m.rows());
        Options o = options;
        PlainSgd.Settings s = new PlainSgd.Settings(o.loss(), o.epsilon(), o.penalty(), o.alpha(), o.l1Ratio(), o.fitIntercept(), o.maxIter(),
                o.tol(), o.nIterNoChange(), o.shuffle(), o.learningRate(), o.eta0(), o.powerT(), o.average());
        double[] ones = new double[m.rows()];
        java.util.Arrays.fill(ones, 1);
        PlainSgd.Result r = PlainSgd.fit(m, target, ones, s, o.seed());
        coef = r.coef();
        intercept = r.intercept();
        nIter = r.epochs();
        markFitted();
        return this;
    }

    @Override
    public Tensor predict(Tensor x) {
        requireFitted("predict");
        Matrix m = Validation.features(name(), x);
        Validation.featureCount(name(), m, coef.length);
        double[] out = OneVsRest.scores(m, new double[][] {coef}, new double[] {intercept});
        return Nabla.tensor(out, out.length);
    }

    public Tensor coef() {
        requireFitted("coef");
        return Nabla.tensor(coef, coef.length);
    }

    public double intercept() {
        requireFitted("intercept");
        return intercept;
    }

    public int nIter() {
        requireFitted("nIter");
        return nIter;
    }

    @Override
    protected void saveState(State out) {
        out.put("coef", coef).put("intercept", intercept).put("nIter", nIter);
    }

    @Override
    protected void loadState(State in) {
        coef = in.doubles("coef");
        intercept = in.number("intercept");
        nIter = in.integer("nIter");
    }
}
