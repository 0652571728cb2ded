package dev.nabla.ml.svm;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Check;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.Regressor;
import dev.nabla.ml.State;
import dev.nabla.ml.Validation;

/**
 * epsilon-support vector regression as sklearn's SVR (libsvm's epsilon_svr): the 2n-variable dual
 * over α⁺, α⁻ solved by the same SMO; f(x) = Σ (α⁺_t - α⁻_t) K(x_t, x) + b.
 */
public final class Svr extends BaseEstimator<Svr, Svr.Options> implements Regressor {
    private static final String NAME = "Svr";

    /** @param epsilon half-width of the tube in which errors cost nothing */
    public record Options(double c, double epsilon, Kernel kernel, int degree, Gamma gamma, double coef0, boolean shrinking,
                          double tol, double cacheSize, int maxIter) {
        public Options {
            Check.positive(NAME, "c", c);
            Check.nonNegative(NAME, "epsilon", epsilon);
            SvmParams.kernel(NAME, kernel, degree, gamma, coef0, tol, cacheSize, maxIter);
        }

        public Options() {
            this(1.0, 0.1, Kernel.RBF, 3, Gamma.SCALE, 0.0, true, 1e-3, 200, -1);
        }

        public Options c(double v) { return new Options(v, epsilon, kernel, degree, gamma, coef0, shrinking, tol, cacheSize, maxIter); }
        public Options epsilon(double v) { return new Options(c, v, kernel, degree, gamma, coef0, shrinking, tol, cacheSize, maxIter); }
        public Options kernel(Kernel v) { return new Options(c, epsilon, v, degree, gamma, coef0, shrinking, tol, cacheSize, maxIter); }
        public Options degree(int v) { return new Options(c, epsilon, kernel, v, gamma, coef0, shrinking, tol, cacheSize, maxIter); }
        public Options gamma(Gamma v) { return new Options(c, epsilon, kernel, degree, v, coef0, shrinking, tol, cacheSize, maxIter); }
        public Options gamma(double v) { return gamma(Gamma.of(v)); }
        public Options coef0(double v) { return new Options(c, epsilon, kernel, degree, gamma, v, shrinking, tol, cacheSize, maxIter); }
        public Options shrinking(boolean v) { return new Options(c, epsilon, kernel, degree, gamma, coef0, v, tol, cacheSize, maxIter); }
        public Options tol(double v) { return new Options(c, epsilon, kernel, degree, gamma, coef0, shrinking, v, cacheSize, maxIter); }
        public Options cacheSize(double v) { return new Options(c, epsilon, kernel, degree, gamma, coef0, shrinking, tol, v, maxIter); }
        public Options maxIter(int v) { return new Options(c, epsilon, kernel, degree, gamma, coef0, shrinking, tol, cacheSize, v); }
    }

    private KernelFunction kernel;
    private Matrix supportVectors;
    private int[] support;
    private double[] dualCoef;
    private double intercept;

    public Svr() {
        this(new Options());
    }

    public Svr(Options options) {
        super(options);
    }

    @Override
    protected Svr withOptions(Options o) {
        return new Svr(o);
    }

    @Override
    public Svr fit(Tensor x, Tensor y) {
        Matrix m = Validation.features(name(), x);
        double[] target = Validation.target(name(), y, m.rows());
        int n = m.rows();
        kernel = SvmParams.resolve(options.kernel(), options.gamma(), options.degree(), options.coef0(), m.data(), m.cols());
        KernelRows rows = new KernelRows(m, kernel, options.cacheSize());
        double[] p = new double[2 * n], c = new double[2 * n];
        byte[] yy = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            p[i] = options.epsilon() - target[i];
            p[i + n] = options.epsilon() + target[i];
            yy[i] = 1;
            yy[i + n] = -1;
        }
        java.util.Arrays.fill(c, options.c());
        Smo.Result r = Smo.solve(QMatrix.regression(rows), p, yy, c, options.tol(), options.shrinking(), options.maxIter());
        int count = 0;
        double[] beta = new double[n];
        for (int i = 0; i < n; i++) if ((beta[i] = r.alpha()[i] - r.alpha()[i + n]) != 0) count++;
        support = new int[count];
        dualCoef = new double[count];
        for (int i = 0, s = 0; i < n; i++)
            if (beta[i] != 0) {
                support[s] = i;
                dualCoef[s++] = beta[i];
            }
        supportVectors = m.rows(support);
        intercept = -r.rho();
        markFitted();
        return this;
    }

    @Override
    public Tensor predict(Tensor x) {
        requireFitted("predict");
        Matrix m = Validation.features(name(), x);
        Validation.featureCount(name(), m, supportVectors.cols());
        int n = m.rows(), nSv = support.length;
        double[] out = new double[n];
        if (nSv > 0) {
            double[] kv = kernel.cross(m, supportVectors).data();
            for (int r = 0; r < n; r++) {
                double s = intercept;
                for (int t = 0; t < nSv; t++) s += dualCoef[t] * kv[r * nSv + t];
                out[r] = s;
            }
        } else java.util.Arrays.fill(out, intercept);
        return Nabla.tensor(out, n);
    }

    public int[] support() {
        requireFitted("support");
        return support.clone();
    }

    /** α⁺ - α⁻ of each support vector (sklearn's dual_coef_[0]). */
    public Tensor dualCoef() {
        requireFitted("dualCoef");
        return Nabla.tensor(dualCoef, dualCoef.length);
    }

    public double intercept() {
        requireFitted("intercept");
        return intercept;
    }

    @Override
    protected void saveState(State out) {
        out.put("gamma", kernel.gamma()).put("nFeatures", supportVectors.cols()).put("supportVectors", Svc.rowsOf(supportVectors))
                .put("support", support).put("dualCoef", dualCoef).put("intercept", intercept);
    }

    @Override
    protected void loadState(State in) {
        kernel = new KernelFunction(options.kernel(), in.number("gamma"), options.degree(), options.coef0());
        double[][] sv = in.matrix("supportVectors");
        supportVectors = sv.length == 0 ? Matrix.zeros(0, in.integer("nFeatures")) : Svc.matrixOf(sv);
        support = in.ints("support");
        dualCoef = in.doubles("dualCoef");
        intercept = in.number("intercept");
    }
}
