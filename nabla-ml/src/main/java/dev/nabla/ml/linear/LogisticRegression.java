package dev.nabla.ml.linear;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.Check;
import dev.nabla.ml.Labels;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.Validation;
import dev.nabla.ml.optim.Lbfgs;

/**
 * Logistic regression, sklearn's LogisticRegression: an L2 (or no) penalty fitted by L-BFGS, or any of L2, L1,
 * elasticnet and none fitted by SAGA ({@link Saga}). Binary (one sigmoid output, positive class =
 * classes()[1]) or multinomial (softmax over all classes) for three or more classes, as sklearn's
 * default {@code multi_class='auto'} with {@code solver='lbfgs'}.
 */
public final class LogisticRegression extends FittedLinearClassifier<LogisticRegression, LogisticRegression.Options> {
    /**
     * @param c inverse regularisation strength (sklearn's C)
     * @param tol LBFGS: the gradient tolerance; SAGA: the largest relative parameter change over an epoch
     * @param penalty sklearn's penalty; L1 and ELASTICNET need the SAGA solver
     * @param l1Ratio the L1 share of ELASTICNET (sklearn's l1_ratio; sklearn has no default, 0.5 here), ignored otherwise
     * @param solver LBFGS (L2, NONE) or SAGA (every penalty)
     * @param seed SAGA's sample draws
     */
    public record Options(double c, boolean fitIntercept, int maxIter, double tol, ClassWeight classWeight,
                          LogisticPenalty penalty, double l1Ratio, LogisticSolver solver, long seed) {
        public Options {
            Check.positive("LogisticRegression", "c", c);
            Check.positive("LogisticRegression", "maxIter", maxIter);
            Check.nonNegative("LogisticRegression", "tol", tol);
            Check.notNull("LogisticRegression", "classWeight", classWeight);
            Check.notNull("LogisticRegression", "penalty", penalty);
            Check.notNull("LogisticRegression", "solver", solver);
            if (!(l1Ratio >= 0 && l1Ratio <= 1))
                throw new IllegalArgumentException("LogisticRegression: l1Ratio must be in [0, 1], got " + l1Ratio);
        }

        public Options() {
            this(1.0, true, 100, 1e-4, ClassWeight.NONE, LogisticPenalty.L2, 0.5, LogisticSolver.LBFGS, 0L);
        }

        public Options c(double v) {
            return new Options(v, fitIntercept, maxIter, tol, classWeight, penalty, l1Ratio, solver, seed);
        }

        public Options fitIntercept(boolean v) {
            return new Options(c, v, maxIter, tol, classWeight, penalty, l1Ratio, solver, seed);
        }

        public Options maxIter(int v) {
            return new Options(c, fitIntercept, v, tol, classWeight, penalty, l1Ratio, solver, seed);
        }

        public Options tol(double v) {
            return new Options(c, fitIntercept, maxIter, v, classWeight, penalty, l1Ratio, solver, seed);
        }

        public Options classWeight(ClassWeight v) {
            return new Options(c, fitIntercept, maxIter, tol, v, penalty, l1Ratio, solver, seed);
        }

        public Options penalty(LogisticPenalty v) {
            return new Options(c, fitIntercept, maxIter, tol, classWeight, v, l1Ratio, solver, seed);
        }

        public Options l1Ratio(double v) {
            return new Options(c, fitIntercept, maxIter, tol, classWeight, penalty, v, solver, seed);
        }

        public Options solver(LogisticSolver v) {
            return new Options(c, fitIntercept, maxIter, tol, classWeight, penalty, l1Ratio, v, seed);
        }

        public Options seed(long v) {
            return new Options(c, fitIntercept, maxIter, tol, classWeight, penalty, l1Ratio, solver, v);
        }

        /** The L1 share of the penalty: 1 for L1, l1Ratio for ELASTICNET, 0 otherwise. */
        double l1Share() {
            return switch (penalty) {
                case L1 -> 1;
                case ELASTICNET -> l1Ratio;
                case L2, NONE -> 0;
            };
        }
    }


    public LogisticRegression() {
        this(new Options());
    }

    public LogisticRegression(Options options) {
        super(options);
    }

    @Override
    protected LogisticRegression withOptions(Options o) {
        return new LogisticRegression(o);
    }

    @Override
    public LogisticRegression fit(Tensor x, Tensor y) {
        boolean lbfgs = options.solver() == LogisticSolver.LBFGS;
        // L-BFGS starts from zero weights, where the loss is NaN exactly when X holds an Inf or NaN: its first
        // evaluation is the finite check (see firstEvaluationChecked)
        Matrix m = lbfgs ? Validation.featuresReadOnlyUnchecked(name(), x) : Validation.featuresReadOnly(name(), x);
        double[] target = Validation.target(name(), y, m.rows());
        labels = Labels.fit(name(), target, y.dtype(), 2);
        int[] codes = labels.encode(name(), target);
        int outputs = labels.size() == 2 ? 1 : labels.size(), d = m.cols();
        double[] sw = options.classWeight().sampleWeights(name(), labels.classes(), codes);
        double c = options.penalty() == LogisticPenalty.NONE ? Double.POSITIVE_INFINITY : options.c();
        double[] params;
        if (options.solver() == LogisticSolver.SAGA) {
            Saga.Result r = Saga.fit(m, codes, sw, outputs, c, options.l1Share(), options.fitIntercept(),
                    options.maxIter(), options.tol(), options.seed());
            params = r.params();
            nIter = r.epochs();
        } else {
            if (options.l1Share() > 0)
                throw new IllegalArgumentException("LogisticRegression: solver LBFGS supports penalties L2 and NONE, got "
                        + options.penalty() + "; use solver SAGA");
            LogisticLoss loss = new LogisticLoss(m, codes, sw, outputs, c, options.fitIntercept());
            Lbfgs.Result r = Lbfgs.minimize(firstEvaluationChecked(loss, m), new double[loss.parameterCount()],
                    new Lbfgs.Options().maxIter(options.maxIter()).gtol(options.tol()));
            params = r.x();
            nIter = r.iterations();
        }
        coef = new double[outputs][];
        intercept = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            coef[k] = java.util.Arrays.copyOfRange(params, k * d, (k + 1) * d);
            if (options.fitIntercept()) intercept[k] = params[outputs * d + k];
        }
        markFitted();
        return this;
    }

    /** The loss, whose first non-finite value has X checked value by value (the error names the Inf or NaN). */
    private Lbfgs.Objective firstEvaluationChecked(LogisticLoss loss, Matrix x) {
        return new Lbfgs.Objective() {
            private boolean checked;

            @Override
            public double evaluate(double[] p, double[] gradient) {
                double f = loss.evaluate(p, gradient);
                if (!checked) {
                    checked = true;
                    if (!Double.isFinite(f)) Validation.requireFinite(name(), x);
                }
                return f;
            }
        };
    }

    @Override
    public Tensor decisionFunction(Tensor x) {
        double[] z = scores(x, "decisionFunction");
        return coef.length == 1 ? Nabla.tensor(z, z.length) : Nabla.tensor(z, z.length / coef.length, coef.length);
    }

    @Override
    public Tensor predictProba(Tensor x) {
        double[] z = scores(x, "predictProba");
        int k = labels.size(), n = z.length / coef.length;
        double[] p = new double[n * k];
        for (int i = 0; i < n; i++) {
            if (coef.length == 1) {
                p[2 * i + 1] = LogisticLoss.sigmoid(z[i]);
                p[2 * i] = 1 - p[2 * i + 1];
            } else {
                double lse = LogisticLoss.logSumExp(z, i * k, k);
                for (int j = 0; j < k; j++) p[i * k + j] = Math.exp(z[i * k + j] - lse);
            }
        }
        return Nabla.tensor(p, n, k);
    }

    @Override
    public Tensor predict(Tensor x) {
        double[] z = scores(x, "predict");
        int outputs = coef.length, n = z.length / outputs;
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            if (outputs == 1) codes[i] = z[i] > 0 ? 1 : 0;
            else for (int k = 1; k < outputs; k++) if (z[i * outputs + k] > z[i * outputs + codes[i]]) codes[i] = k;
        }
        return labels.decode(codes);
    }

    private double[] scores(Tensor x, String method) {
        requireFitted(method);
        Matrix m = Validation.featuresReadOnly(name(), x);
        Validation.featureCount(name(), m, coef[0].length);
        int d = m.cols(), outputs = coef.length;
        double[] params = new double[outputs * d + outputs];
        for (int k = 0; k < outputs; k++) {
            System.arraycopy(coef[k], 0, params, k * d, d);
            params[outputs * d + k] = intercept[k];
        }
        return LogisticLoss.scores(m, params, outputs);
    }
}
