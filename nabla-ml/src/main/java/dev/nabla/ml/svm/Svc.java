package dev.nabla.ml.svm;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Check;
import dev.nabla.ml.Classifier;
import dev.nabla.ml.Labels;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Validation;
import dev.nabla.ml.linear.ClassWeight;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * C-support vector classification as sklearn's SVC (libsvm): SMO with WSS2, shrinking and a kernel
 * cache; one-vs-one over class pairs, prediction by votes (ties to the lower class); optional Platt
 * probabilities. Learned state uses sklearn's layout: support vectors grouped by class, dual
 * coefficients (n_classes-1) x n_SV, one intercept per pair.
 */
public final class Svc extends BaseEstimator<Svc, Svc.Options> implements Classifier {
    private static final String NAME = "Svc";

    /**
     * @param c cost of margin violations; @param tol SMO's stopping gap; @param cacheSize kernel cache in MB;
     * @param maxIter SMO iteration cap, -1 for libsvm's own; @param seed drives Platt's cross-validation folds
     */
    public record Options(double c, Kernel kernel, int degree, Gamma gamma, double coef0, boolean shrinking, boolean probability,
                          double tol, double cacheSize, ClassWeight classWeight, int maxIter, DecisionShape decisionFunctionShape, long seed) {
        public Options {
            Check.positive(NAME, "c", c);
            SvmParams.kernel(NAME, kernel, degree, gamma, coef0, tol, cacheSize, maxIter);
            Check.notNull(NAME, "classWeight", classWeight);
            Check.notNull(NAME, "decisionFunctionShape", decisionFunctionShape);
        }

        public Options() {
            this(1.0, Kernel.RBF, 3, Gamma.SCALE, 0.0, true, false, 1e-3, 200, ClassWeight.NONE, -1, DecisionShape.OVR, 0);
        }

        public Options c(double v) { return new Options(v, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, seed); }
        public Options kernel(Kernel v) { return new Options(c, v, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, seed); }
        public Options degree(int v) { return new Options(c, kernel, v, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, seed); }
        public Options gamma(Gamma v) { return new Options(c, kernel, degree, v, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, seed); }
        public Options gamma(double v) { return gamma(Gamma.of(v)); }
        public Options coef0(double v) { return new Options(c, kernel, degree, gamma, v, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, seed); }
        public Options shrinking(boolean v) { return new Options(c, kernel, degree, gamma, coef0, v, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, seed); }
        public Options probability(boolean v) { return new Options(c, kernel, degree, gamma, coef0, shrinking, v, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, seed); }
        public Options tol(double v) { return new Options(c, kernel, degree, gamma, coef0, shrinking, probability, v, cacheSize, classWeight, maxIter, decisionFunctionShape, seed); }
        public Options cacheSize(double v) { return new Options(c, kernel, degree, gamma, coef0, shrinking, probability, tol, v, classWeight, maxIter, decisionFunctionShape, seed); }
        public Options classWeight(ClassWeight v) { return new Options(c, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, v, maxIter, decisionFunctionShape, seed); }
        public Options maxIter(int v) { return new Options(c, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, v, decisionFunctionShape, seed); }
        public Options decisionFunctionShape(DecisionShape v) { return new Options(c, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, v, seed); }
        public Options seed(long v) { return new Options(c, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, v); }
    }

    private Labels labels;
    private KernelFunction kernel;
    private Matrix supportVectors;
    private int[] support;      // training row of each support vector
    private int[] nSupport;     // support vectors per class; they are stored class by class
    private double[][] dualCoef; // libsvm's sv_coef layout (see class comment)
    private double[] rho;       // per pair (i, j), i < j, in lexicographic order
    private double[] probA, probB;

    public Svc() {
        this(new Options());
    }

    public Svc(Options options) {
        super(options);
    }

    @Override
    protected Svc withOptions(Options o) {
        return new Svc(o);
    }

    @Override
    public Svc fit(Tensor x, Tensor y) {
        Matrix m = Validation.features(name(), x);
        double[] target = Validation.target(name(), y, m.rows());
        labels = Labels.fit(name(), target, y.dtype(), 2);
        int[] codes = labels.encode(name(), target);
        int k = labels.size();
        double[] sampleWeight = options.classWeight().sampleWeights(name(), labels.classes(), codes);
        double[] classC = new double[k];
        for (int i = 0; i < codes.length; i++) classC[codes[i]] = options.c() * sampleWeight[i];
        int[][] members = membersByClass(codes, k);

        kernel = SvmParams.resolve(options.kernel(), options.gamma(), options.degree(), options.coef0(), m.data(), m.cols());
        KernelRows rows = new KernelRows(m, kernel, options.cacheSize());
        BinarySvc.Settings settings = new BinarySvc.Settings(options.tol(), options.shrinking(), options.maxIter());
        int pairs = k * (k - 1) / 2;
        BinarySvc[] models = new BinarySvc[pairs];
        rho = new double[pairs];
        probA = options.probability() ? new double[pairs] : null;
        probB = options.probability() ? new double[pairs] : null;
        SplittableRandom random = new SplittableRandom(options.seed());
        boolean[] nonzero = new boolean[m.rows()];
        for (int i = 0, p = 0; i < k; i++)
            for (int j = i + 1; j < k; j++, p++) {
                int[] index = concat(members[i], members[j]);
                byte[] yy = new byte[index.length];
                for (int t = 0; t < index.length; t++) yy[t] = (byte) (t < members[i].length ? 1 : -1);
                if (options.probability()) {
                    double[] ab = BinarySvc.plattCoefficients(rows, index, yy, classC[i], classC[j], settings, random);
                    probA[p] = ab[0];
                    probB[p] = ab[1];
                }
                models[p] = BinarySvc.train(rows, index, yy, classC[i], classC[j], settings);
                rho[p] = models[p].rho();
                for (int t = 0; t < index.length; t++) if (models[p].coef()[t] != 0) nonzero[index[t]] = true;
            }
        collectSupport(m, members, nonzero, models);
        markFitted();
        return this;
    }

    /** Training rows of each class in their original order (libsvm groups classes the same way). */
    private static int[][] membersByClass(int[] codes, int k) {
        int[] count = new int[k];
        for (int c : codes) count[c]++;
        int[][] members = new int[k][];
        for (int c = 0; c < k; c++) members[c] = new int[count[c]];
        int[] fill = new int[k];
        for (int i = 0; i < codes.length; i++) members[codes[i]][fill[codes[i]]++] = i;
        return members;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Lays the pair solutions out as libsvm's model: SV of class c in pair (i, j) goes to row j-1 if c = i, row i if c = j. */
    private void collectSupport(Matrix m, int[][] members, boolean[] nonzero, BinarySvc[] models) {
        int k = members.length;
        nSupport = new int[k];
        int[] position = new int[m.rows()];
        int total = 0;
        for (int c = 0; c < k; c++)
            for (int row : members[c])
                if (nonzero[row]) {
                    position[row] = total++;
                    nSupport[c]++;
                }
        support = new int[total];
        for (int c = 0, s = 0; c < k; c++) for (int row : members[c]) if (nonzero[row]) support[s++] = row;
        dualCoef = new double[k - 1][total];
        for (int i = 0, p = 0; i < k; i++)
            for (int j = i + 1; j < k; j++, p++) {
                double[] coef = models[p].coef();
                for (int t = 0; t < members[i].length; t++)
                    if (nonzero[members[i][t]]) dualCoef[j - 1][position[members[i][t]]] = coef[t];
                for (int t = 0; t < members[j].length; t++)
                    if (nonzero[members[j][t]]) dualCoef[i][position[members[j][t]]] = coef[members[i].length + t];
            }
        supportVectors = m.rows(support);
    }

    /** libsvm's decision values, n x pairs: positive favours the pair's lower class. */
    private double[] pairDecisions(Matrix x) {
        int k = labels.size(), pairs = rho.length, nSv = support.length, n = x.rows();
        double[] kv = kernel.cross(x, supportVectors).data();
        int[] start = new int[k];
        for (int c = 1; c < k; c++) start[c] = start[c - 1] + nSupport[c - 1];
        double[] dec = new double[n * pairs];
        for (int r = 0; r < n; r++) {
            int o = r * nSv;
            for (int i = 0, p = 0; i < k; i++)
                for (int j = i + 1; j < k; j++, p++) {
                    double s = -rho[p];
                    for (int t = start[i]; t < start[i] + nSupport[i]; t++) s += dualCoef[j - 1][t] * kv[o + t];
                    for (int t = start[j]; t < start[j] + nSupport[j]; t++) s += dualCoef[i][t] * kv[o + t];
                    dec[r * pairs + p] = s;
                }
        }
        return dec;
    }

    private Matrix input(Tensor x, String method) {
        requireFitted(method);
        Matrix m = Validation.features(name(), x);
        Validation.featureCount(name(), m, supportVectors.cols());
        return m;
    }

    @Override
    public Tensor predict(Tensor x) {
        Matrix m = input(x, "predict");
        double[] dec = pairDecisions(m);
        int k = labels.size(), pairs = rho.length;
        int[] codes = new int[m.rows()];
        int[] votes = new int[k];
        for (int r = 0; r < m.rows(); r++) {
            Arrays.fill(votes, 0);
            for (int i = 0, p = 0; i < k; i++)
                for (int j = i + 1; j < k; j++, p++) votes[dec[r * pairs + p] > 0 ? i : j]++;
            int best = 0;
            for (int c = 1; c < k; c++) if (votes[c] > votes[best]) best = c;
            codes[r] = best;
        }
        return labels.decode(codes);
    }

    /**
     * Binary: n values, positive for classes()[1]. Multiclass OVO: n x pairs, libsvm's values. Multiclass OVR:
     * sklearn's transform, votes plus the summed pair confidences squashed into (-1/3, 1/3).
     */
    @Override
    public Tensor decisionFunction(Tensor x) {
        Matrix m = input(x, "decisionFunction");
        double[] dec = pairDecisions(m);
        int k = labels.size(), n = m.rows(), pairs = rho.length;
        if (k == 2) {
            for (int r = 0; r < n; r++) dec[r] = -dec[r];
            return Nabla.tensor(dec, n);
        }
        if (options.decisionFunctionShape() == DecisionShape.OVO) return Nabla.tensor(dec, n, pairs);
        double[] out = new double[n * k], conf = new double[k];
        for (int r = 0; r < n; r++) {
            Arrays.fill(conf, 0);
            for (int i = 0, p = 0; i < k; i++)
                for (int j = i + 1; j < k; j++, p++) {
                    double d = dec[r * pairs + p];
                    conf[i] += d;
                    conf[j] -= d;
                    out[r * k + (d < 0 ? j : i)] += 1;
                }
            for (int c = 0; c < k; c++) out[r * k + c] += conf[c] / (3 * (Math.abs(conf[c]) + 1));
        }
        return Nabla.tensor(out, n, k);
    }

    /** Platt-scaled probabilities coupled across pairs; needs probability=true at fit, as in sklearn. */
    @Override
    public Tensor predictProba(Tensor x) {
        Matrix m = input(x, "predictProba");
        if (probA == null)
            throw new IllegalStateException(name() + ": predictProba needs probability=true at fit (Options.probability(true))");
        double[] dec = pairDecisions(m);
        int k = labels.size(), n = m.rows(), pairs = rho.length;
        double[] out = new double[n * k];
        double[][] r = new double[k][k];
        for (int s = 0; s < n; s++) {
            if (k == 2) {
                double p0 = Platt.predict(dec[s], probA[0], probB[0]);
                out[2 * s] = p0;
                out[2 * s + 1] = 1 - p0;
                continue;
            }
            for (int i = 0, p = 0; i < k; i++)
                for (int j = i + 1; j < k; j++, p++) {
                    r[i][j] = Platt.clipped(dec[s * pairs + p], probA[p], probB[p]);
                    r[j][i] = 1 - r[i][j];
                }
            System.arraycopy(Platt.couple(r), 0, out, s * k, k);
        }
        return Nabla.tensor(out, n, k);
    }

    @Override
    public Tensor classes() {
        requireFitted("classes");
        return labels.asTensor();
    }

    /** Training-row indices of the support vectors, grouped by class (sklearn's support_). */
    public int[] support() {
        requireFitted("support");
        return support.clone();
    }

    public Tensor supportVectors() {
        requireFitted("supportVectors");
        return supportVectors.toTensor(dev.nabla.DType.FLOAT64);
    }

    /** Support vectors per class (sklearn's n_support_). */
    public int[] nSupport() {
        requireFitted("nSupport");
        return nSupport.clone();
    }

    /** sklearn's dual_coef_, (n_classes-1) x n_SV; for two classes signed so positive favours classes()[1]. */
    public Tensor dualCoef() {
        requireFitted("dualCoef");
        Tensor t = Nabla.tensor(dualCoef);
        return labels.size() == 2 ? t.neg() : t;
    }

    /** sklearn's intercept_, one per pair; for two classes signed like dualCoef. */
    public Tensor intercept() {
        requireFitted("intercept");
        double[] b = new double[rho.length];
        for (int p = 0; p < b.length; p++) b[p] = labels.size() == 2 ? rho[p] : -rho[p];
        return Nabla.tensor(b, b.length);
    }

    /** The gamma the kernel used (resolved from SCALE / AUTO at fit). */
    public double gamma() {
        requireFitted("gamma");
        return kernel.gamma();
    }

    @Override
    protected void saveState(State out) {
        out.put("labels", labels).put("gamma", kernel.gamma()).put("supportVectors", rowsOf(supportVectors))
                .put("support", support).put("nSupport", nSupport).put("dualCoef", dualCoef).put("rho", rho);
        if (probA != null) out.put("probA", probA).put("probB", probB);
    }

    @Override
    protected void loadState(State in) {
        labels = in.get("labels", Labels.class);
        kernel = new KernelFunction(options.kernel(), in.number("gamma"), options.degree(), options.coef0());
        supportVectors = matrixOf(in.matrix("supportVectors"));
        support = in.ints("support");
        nSupport = in.ints("nSupport");
        dualCoef = in.matrix("dualCoef");
        rho = in.doubles("rho");
        if (options.probability()) {
            probA = in.doubles("probA");
            probB = in.doubles("probB");
        }
    }

    static double[][] rowsOf(Matrix m) {
        double[][] out = new double[m.rows()][];
        for (int i = 0; i < m.rows(); i++) out[i] = Arrays.copyOfRange(m.data(), i * m.cols(), (i + 1) * m.cols());
        return out;
    }

    static Matrix matrixOf(double[][] rows) {
        int n = rows.length, d = n == 0 ? 0 : rows[0].length;
        double[] data = new double[n * d];
        for (int i = 0; i < n; i++) System.arraycopy(rows[i], 0, data, i * d, d);
        return new Matrix(data, n, d);
    }
}
