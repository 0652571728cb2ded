package dev.nabla.ml.linear;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Check;
import dev.nabla.ml.Labels;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.Validation;

/**
 * Linear classification by stochastic gradient descent as sklearn's SGDClassifier: hinge (a linear SVM),
 * log_loss (logistic regression) or modified_huber; L2 / L1 / elastic-net penalty; one-vs-rest for more
 * than two classes (problems trained in parallel, problem k seeded with seed + k).
 */
public final class SgdClassifier extends FittedLinearClassifier<SgdClassifier, SgdClassifier.Options> {
    private static final String NAME = "SgdClassifier";

    /**
     * @param alpha penalty strength (also sets the OPTIMAL schedule); @param tol stopping threshold on the epoch
     * loss, Double.NEGATIVE_INFINITY to always run maxIter epochs; @param average return averaged weights (ASGD)
     */
    public record Options(SgdLoss loss, SgdPenalty penalty, double alpha, double l1Ratio, boolean fitIntercept, int maxIter,
                          double tol, boolean shuffle, long seed, SgdLearningRate learningRate, double eta0, double powerT,
                          int nIterNoChange, boolean average, ClassWeight classWeight) {
        public Options {
            Check.notNull(NAME, "loss", loss);
            if (!loss.forClassification())
                throw new IllegalArgumentException(NAME + ": loss must be hinge, log_loss or modified_huber, got " + loss.name().toLowerCase());
            SgdChecks.common(NAME, penalty, alpha, l1Ratio, maxIter, tol, learningRate, eta0, nIterNoChange);
            Check.notNull(NAME, "classWeight", classWeight);
        }

        public Options() {
            this(SgdLoss.HINGE, SgdPenalty.L2, 1e-4, 0.15, true, 1000, 1e-3, true, 0, SgdLearningRate.OPTIMAL, 0.0, 0.5, 5, false, ClassWeight.NONE);
        }

        public Options loss(SgdLoss v) { return new Options(v, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, seed, learningRate, eta0, powerT, nIterNoChange, average, classWeight); }
        public Options penalty(SgdPenalty v) { return new Options(loss, v, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, seed, learningRate, eta0, powerT, nIterNoChange, average, classWeight); }
        public Options alpha(double v) { return new Options(loss, penalty, v, l1Ratio, fitIntercept, maxIter, tol, shuffle, seed, learningRate, eta0, powerT, nIterNoChange, average, classWeight); }
        public Options l1Ratio(double v) { return new Options(loss, penalty, alpha, v, fitIntercept, maxIter, tol, shuffle, seed, learningRate, eta0, powerT, nIterNoChange, average, classWeight); }
        public Options fitIntercept(boolean v) { return new Options(loss, penalty, alpha, l1Ratio, v, maxIter, tol, shuffle, seed, learningRate, eta0, powerT, nIterNoChange, average, classWeight); }
        public Options maxIter(int v) { return new Options(loss, penalty, alpha, l1Ratio, fitIntercept, v, tol, shuffle, seed, learningRate, eta0, powerT, nIterNoChange, average, classWeight); }
        public Options tol(double v) { return new Options(loss, penalty, alpha, l1Ratio, fitIntercept, maxIter, v, shuffle, seed, learningRate, eta0, powerT, nIterNoChange, average, classWeight); }
        public Options shuffle(boolean v) { return new Options(loss, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, v, seed, learningRate, eta0, powerT, nIterNoChange, average, classWeight); }
        public Options seed(long v) { return new Options(loss, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, v, learningRate, eta0, powerT, nIterNoChange, average, classWeight); }
        public Options learningRate(SgdLearningRate v) { return new Options(loss, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, seed, v, eta0, powerT, nIterNoChange, average, classWeight); }
        public Options eta0(double v) { return new Options(loss, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, seed, learningRate, v, powerT, nIterNoChange, average, classWeight); }
        public Options powerT(double v) { return new Options(loss, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, seed, learningRate, eta0, v, nIterNoChange, average, classWeight); }
        public Options nIterNoChange(int v) { return new Options(loss, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, seed, learningRate, eta0, powerT, v, average, classWeight); }
        public Options average(boolean v) { return new Options(loss, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, seed, learningRate, eta0, powerT, nIterNoChange, v, classWeight); }
        public Options classWeight(ClassWeight v) { return new Options(loss, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, seed, learningRate, eta0, powerT, nIterNoChange, average, v); }
    }


    public SgdClassifier() {
        this(new Options());
    }

    public SgdClassifier(Options options) {
        super(options);
    }

    @Override
    protected SgdClassifier withOptions(Options o) {
        return new SgdClassifier(o);
    }

    @Override
    public SgdClassifier fit(Tensor x, Tensor y) {
        Matrix m = Validation.features(name(), x);
        double[] target = Validation.target(name(), y, m.rows());
        labels = Labels.fit(name(), target, y.dtype(), 2);
        int[] codes = labels.encode(name(), target);
        int k = labels.size(), outputs = OneVsRest.outputs(k);
        double[] sw = options.classWeight().sampleWeights(name(), labels.classes(), codes);
        Options o = options;
        PlainSgd.Settings s = new PlainSgd.Settings(o.loss(), 0, o.penalty(), o.alpha(), o.l1Ratio(), o.fitIntercept(), o.maxIter(),
                o.tol(), o.nIterNoChange(), o.shuffle(), o.learningRate(), o.eta0(), o.powerT(), o.average());
        coef = new double[outputs][];
        intercept = new double[outputs];
        int[] epochs = new int[outputs];
        Parallel.forRange(outputs, 1, (start, end) -> {
            for (int c = start; c < end; c++) {
                PlainSgd.Result r = PlainSgd.fit(m, OneVsRest.targets(codes, k, c), sw, s, o.seed() + c);
                coef[c] = r.coef();
                intercept[c] = r.intercept();
                epochs[c] = r.epochs();
            }
        });
        nIter = java.util.Arrays.stream(epochs).max().orElse(0);
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

    /**
     * For log_loss and modified_huber only, as sklearn: the binary sigmoid (or (clip(f, -1, 1) + 1) / 2), and for
     * more classes those one-vs-rest values normalised to sum to 1 (uniform where all are 0).
     */
    @Override
    public Tensor predictProba(Tensor x) {
        if (options.loss() == SgdLoss.HINGE)
            throw new UnsupportedOperationException(name() + ": predictProba needs loss log_loss or modified_huber (hinge gives no probabilities)");
        double[] f = scores(x, "predictProba");
        int outputs = coef.length, k = labels.size(), n = f.length / outputs;
        double[] p = new double[n * k];
        for (int i = 0; i < n; i++) {
            if (outputs == 1) {
                p[2 * i + 1] = positive(f[i]);
                p[2 * i] = 1 - p[2 * i + 1];
                continue;
            }
            double sum = 0;
            for (int c = 0; c < k; c++) sum += p[i * k + c] = positive(f[i * k + c]);
            for (int c = 0; c < k; c++) p[i * k + c] = sum == 0 ? 1.0 / k : p[i * k + c] / sum;
        }
        return Nabla.tensor(p, n, k);
    }

    private double positive(double f) {
        return options.loss() == SgdLoss.LOG_LOSS ? 1 / (1 + Math.exp(-f)) : (Math.max(-1, Math.min(1, f)) + 1) / 2;
    }
}
