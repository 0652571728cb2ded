package dev.nabla.ml.linear;

import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Check;
import dev.nabla.ml.Labels;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.Validation;

/**
 * Linear support vector classification as sklearn's LinearSVC defaults (liblinear): squared hinge loss, L2
 * penalty, dual coordinate descent; one-vs-rest for more than two classes. Like liblinear the intercept is
 * learned as the weight of a constant feature equal to interceptScaling, so it is regularised too.
 */
public final class LinearSvc extends FittedLinearClassifier<LinearSvc, LinearSvc.Options> {
    private static final String NAME = "LinearSvc";

    /** @param tol stopping gap of the projected gradient; @param seed drives the coordinate order */
    public record Options(double c, double tol, int maxIter, boolean fitIntercept, double interceptScaling, ClassWeight classWeight, long seed) {
        public Options {
            Check.positive(NAME, "c", c);
            Check.positive(NAME, "tol", tol);
            Check.positive(NAME, "maxIter", maxIter);
            Check.positive(NAME, "interceptScaling", interceptScaling);
            Check.notNull(NAME, "classWeight", classWeight);
        }

        public Options() {
            this(1.0, 1e-4, 1000, true, 1.0, ClassWeight.NONE, 0);
        }

        public Options c(double v) { return new Options(v, tol, maxIter, fitIntercept, interceptScaling, classWeight, seed); }
        public Options tol(double v) { return new Options(c, v, maxIter, fitIntercept, interceptScaling, classWeight, seed); }
        public Options maxIter(int v) { return new Options(c, tol, v, fitIntercept, interceptScaling, classWeight, seed); }
        public Options fitIntercept(boolean v) { return new Options(c, tol, maxIter, v, interceptScaling, classWeight, seed); }
        public Options interceptScaling(double v) { return new Options(c, tol, maxIter, fitIntercept, v, classWeight, seed); }
        public Options classWeight(ClassWeight v) { return new Options(c, tol, maxIter, fitIntercept, interceptScaling, v, seed); }
        public Options seed(long v) { return new Options(c, tol, maxIter, fitIntercept, interceptScaling, classWeight, v); }
    }


    public LinearSvc() {
        this(new Options());
    }

    public LinearSvc(Options options) {
        super(options);
    }

    @Override
    protected LinearSvc withOptions(Options o) {
        return new LinearSvc(o);
    }

    @Override
    public LinearSvc fit(Tensor x, Tensor y) {
        Matrix m = Validation.features(name(), x);
        double[] target = Validation.target(name(), y, m.rows());
        labels = Labels.fit(name(), target, y.dtype(), 2);
        int[] codes = labels.encode(name(), target);
        int k = labels.size(), outputs = OneVsRest.outputs(k), d = m.cols();
        double[] cost = options.classWeight().sampleWeights(name(), labels.classes(), codes);
        for (int i = 0; i < cost.length; i++) cost[i] *= options.c();
        double bias = options.fitIntercept() ? options.interceptScaling() : 0;
        coef = new double[outputs][];
        intercept = new double[outputs];
        int[] iterations = new int[outputs];
        Parallel.forRange(outputs, 1, (start, end) -> {
            for (int c = start; c < end; c++) {
                LinearSvcSolver.Result r = LinearSvcSolver.solve(m, OneVsRest.targets(codes, k, c), cost, bias, options.tol(), options.maxIter(), options.seed() + c);
                coef[c] = java.util.Arrays.copyOf(r.w(), d);
                intercept[c] = bias > 0 ? r.w()[d] * bias : 0;
                iterations[c] = r.iterations();
            }
        });
        nIter = java.util.Arrays.stream(iterations).max().orElse(0);
        markFitted();
        return this;
    }

    private double[] scores(Tensor x, String method) {
        requireFitted(method);
        Matrix m = Validation.features(name(), x);
        Validation.featureCount(name(), m, coef[0].length);
        return OneVsRest.scores(m, coef, intercept);
    }

    @Override
    public Tensor decisionFunction(Tensor x) {
        return OneVsRest.decision(scores(x, "decisionFunction"), coef.length);
    }

    @Override
    public Tensor predict(Tensor x) {
        return OneVsRest.predict(scores(x, "predict"), coef.length, labels);
    }

    /** sklearn's LinearSVC has no probabilities; calibrate the decision function if they are needed. */
    @Override
    public Tensor predictProba(Tensor x) {
        throw new UnsupportedOperationException(name() + " gives no probabilities (as in sklearn); use decisionFunction, or SgdClassifier with log_loss");
    }
}
