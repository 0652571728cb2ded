package dev.nabla.ml.decomposition;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Check;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Transformer;
import dev.nabla.ml.Validation;
import dev.nabla.ml.linalg.Products;
import dev.nabla.ml.linalg.RandomizedSvd;
import dev.nabla.ml.linalg.Svd;
import dev.nabla.ml.linalg.SymmetricEigen;
import java.util.Arrays;

/**
 * Principal component analysis (sklearn.decomposition.PCA): centers X and keeps its leading right
 * singular vectors. Solvers: FULL (exact SVD), RANDOMIZED (Halko), and COVARIANCE_EIGH (eigenvectors of
 * XᵀX, one GEMM pass: fast for tall data, but small variances lose relative accuracy, ~ε·σ₁²/σᵢ²).
 * AUTO: FULL when max(n, d) <= 500 (as sklearn 1.2); else COVARIANCE_EIGH when n >= 10·d and
 * d <= 1000 (sklearn 1.5's rule); else RANDOMIZED when nComponents < 0.8·min(n, d); else FULL.
 * Signs follow sklearn 1.2's svd_flip (U-based), so components equal sklearn's.
 */
public final class PCA extends BaseEstimator<PCA, PCA.Options> implements Transformer {
    public enum Solver { AUTO, FULL, RANDOMIZED, COVARIANCE_EIGH }

    /**
     * @param nComponents      components to keep; null keeps min(n_samples, n_features)
     * @param varianceFraction instead of a count, keep the fewest components explaining more than this
     *                         fraction of the variance (0 < f < 1; full solver)
     * @param iteratedPower    power iterations of the randomized solver; null: 7 when nComponents is
     *                         under a tenth of min(n, d), else 4 (sklearn's 'auto')
     */
    public record Options(Integer nComponents, Double varianceFraction, boolean whiten, Solver solver, Integer iteratedPower,
                          int nOversamples, long seed) {
        public Options {
            if (nComponents != null) Check.positive("PCA", "nComponents", nComponents);
            if (varianceFraction != null && !(varianceFraction > 0 && varianceFraction < 1))
                throw new IllegalArgumentException("PCA: varianceFraction must be in (0, 1), got " + varianceFraction);
            if (nComponents != null && varianceFraction != null)
                throw new IllegalArgumentException("PCA: set nComponents or varianceFraction, not both");
            Check.notNull("PCA", "solver", solver);
            if (iteratedPower != null && iteratedPower < 0) throw new IllegalArgumentException("PCA: iteratedPower must be >= 0, got " + iteratedPower);
            if (nOversamples < 0) throw new IllegalArgumentException("PCA: nOversamples must be >= 0, got " + nOversamples);
            if (varianceFraction != null && solver == Solver.RANDOMIZED)
                throw new IllegalArgumentException("PCA: varianceFraction needs the full solver (the randomized one computes only nComponents)");
        }

        public Options() {
            this(null, null, false, Solver.AUTO, null, 10, 0);
        }

        public Options nComponents(int v) { return new Options(v, null, whiten, solver, iteratedPower, nOversamples, seed); }
        public Options varianceFraction(double v) { return new Options(null, v, whiten, solver, iteratedPower, nOversamples, seed); }
        public Options whiten(boolean v) { return new Options(nComponents, varianceFraction, v, solver, iteratedPower, nOversamples, seed); }
        public Options solver(Solver v) { return new Options(nComponents, varianceFraction, whiten, v, iteratedPower, nOversamples, seed); }
        public Options iteratedPower(int v) { return new Options(nComponents, varianceFraction, whiten, solver, v, nOversamples, seed); }
        public Options nOversamples(int v) { return new Options(nComponents, varianceFraction, whiten, solver, iteratedPower, v, seed); }
        public Options seed(long v) { return new Options(nComponents, varianceFraction, whiten, solver, iteratedPower, nOversamples, v); }
    }

    private double[] components, explainedVariance, explainedVarianceRatio, singularValues, mean;
    private double noiseVariance;
    private int k, nFeatures;

    public PCA() {
        this(new Options());
    }

    public PCA(Options options) {
        super(options);
    }

    @Override
    protected PCA withOptions(Options o) {
        return new PCA(o);
    }

    @Override
    public PCA fit(Tensor x) {
        Matrix m = Validation.features(name(), x);
        int n = m.rows(), d = m.cols(), rank = Math.min(n, d);
        if (options.nComponents() != null && options.nComponents() > rank)
            throw new IllegalArgumentException(name() + ": nComponents=" + options.nComponents() + " must be <= min(n_samples, n_features)=" + rank);
        if (n < 2) throw new IllegalArgumentException(name() + ": needs at least 2 samples, got 1");
        mean = Products.columnMeans(m);
        double[] c = m.data();
        for (int i = 0; i < c.length; i++) c[i] -= mean[i % d];
        switch (solverFor(n, d)) {
            case RANDOMIZED -> fitRandomized(m);
            case COVARIANCE_EIGH -> fitCovariance(m);
            default -> fitFull(m);
        }
        nFeatures = d;
        markFitted();
        return this;
    }

    private Solver solverFor(int n, int d) {
        if (options.solver() != Solver.AUTO) return options.solver();
        if (Math.max(n, d) <= 500) return Solver.FULL;
        if (n >= 10L * d && d <= 1000) return Solver.COVARIANCE_EIGH;
        if (options.nComponents() != null && options.nComponents() < 0.8 * Math.min(n, d)) return Solver.RANDOMIZED;
        return Solver.FULL;
    }

    private void fitFull(Matrix centered) {
        int n = centered.rows(), rank = Math.min(n, centered.cols());
        Svd svd = Svd.of(centered).flip(true);
        double[] variance = new double[rank];
        double total = 0;
        for (int i = 0; i < rank; i++) total += variance[i] = svd.s()[i] * svd.s()[i] / (n - 1);
        double[] ratio = new double[rank];
        for (int i = 0; i < rank; i++) ratio[i] = variance[i] / total;
        k = options.nComponents() != null ? options.nComponents()
                : options.varianceFraction() != null ? countFor(ratio, options.varianceFraction()) : rank;
        double noise = 0;
        for (int i = k; i < rank; i++) noise += variance[i];
        noiseVariance = k < rank ? noise / (rank - k) : 0;
        keep(svd, variance, ratio);
    }

    /** Eigenvectors of the scatter matrix XᵀX (one GEMM pass over X): σᵢ² are its eigenvalues. */
    private void fitCovariance(Matrix centered) {
        int n = centered.rows(), d = centered.cols(), rank = Math.min(n, d);
        SymmetricEigen eig = SymmetricEigen.of(Products.multiply(centered, true, centered, false).data(), d);
        double[] s = new double[rank], variance = new double[rank], ratio = new double[rank];
        double total = 0;
        for (int i = 0; i < rank; i++) {
            double lambda = Math.max(eig.values()[i], 0); // rounding can leave a null direction slightly negative
            s[i] = Math.sqrt(lambda);
            total += variance[i] = lambda / (n - 1);
        }
        for (int i = 0; i < rank; i++) ratio[i] = variance[i] / total;
        k = options.nComponents() != null ? options.nComponents()
                : options.varianceFraction() != null ? countFor(ratio, options.varianceFraction()) : rank;
        double noise = 0;
        for (int i = k; i < rank; i++) noise += variance[i];
        noiseVariance = k < rank ? noise / (rank - k) : 0;
        // U = X·V/σ is only needed for svd_flip's sign choice, so only for the kept components
        Matrix vt = new Matrix(Arrays.copyOf(eig.vectors(), k * d), k, d);
        Matrix u = Products.multiply(centered, false, vt, true);
        keep(new Svd(u, Arrays.copyOf(s, k), vt).flip(true), variance, ratio);
    }

    /** sklearn: searchsorted(cumsum(ratio), f, side='right') + 1, the fewest components exceeding f. */
    private static int countFor(double[] ratio, double fraction) {
        double cumulative = 0;
        for (int i = 0; i < ratio.length; i++) {
            cumulative += ratio[i];
            if (cumulative > fraction) return i + 1;
        }
        return ratio.length;
    }

    private void fitRandomized(Matrix centered) {
        int n = centered.rows(), d = centered.cols();
        k = options.nComponents() != null ? options.nComponents() : Math.min(n, d);
        int power = options.iteratedPower() != null ? options.iteratedPower() : k < 0.1 * Math.min(n, d) ? 7 : 4;
        Svd svd = RandomizedSvd.of(centered, k, options.nOversamples(), power, new Generator(options.seed()));
        // the total variance comes from X itself, since only k singular values are known
        double total = 0;
        double[] colVar = new double[d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) colVar[j] += centered.data()[i * d + j] * centered.data()[i * d + j];
        for (double v : colVar) total += v / (n - 1);
        double[] variance = new double[k], ratio = new double[k];
        double kept = 0;
        for (int i = 0; i < k; i++) {
            kept += variance[i] = svd.s()[i] * svd.s()[i] / (n - 1);
            ratio[i] = variance[i] / total;
        }
        int rank = Math.min(n, d);
        noiseVariance = k < rank ? (total - kept) / (rank - k) : 0;
        keep(svd, variance, ratio);
    }

    private void keep(Svd svd, double[] variance, double[] ratio) {
        int d = svd.vt().cols();
        components = Arrays.copyOf(svd.vt().data(), k * d);
        explainedVariance = Arrays.copyOf(variance, k);
        explainedVarianceRatio = Arrays.copyOf(ratio, k);
        singularValues = Arrays.copyOf(svd.s(), k);
    }

    /** (X − mean)·componentsᵀ, divided by √explainedVariance when whitening. */
    @Override
    public Tensor transform(Tensor x) {
        requireFitted("transform");
        Matrix m = Validation.features(name(), x);
        Validation.featureCount(name(), m, nFeatures);
        double[] a = m.data();
        for (int i = 0; i < a.length; i++) a[i] -= mean[i % nFeatures];
        Matrix out = Products.multiply(m, false, new Matrix(components, k, nFeatures), true);
        if (options.whiten()) {
            double[] o = out.data();
            for (int i = 0; i < o.length; i++) o[i] /= Math.sqrt(explainedVariance[i % k]);
        }
        return out.toTensor(x.dtype());
    }

    @Override
    public Tensor inverseTransform(Tensor x) {
        requireFitted("inverseTransform");
        Matrix m = Validation.features(name(), x);
        if (m.cols() != k) throw new IllegalArgumentException(name() + ": inverseTransform expects " + k + " columns (components), got " + m.cols());
        if (options.whiten()) {
            double[] a = m.data();
            for (int i = 0; i < a.length; i++) a[i] *= Math.sqrt(explainedVariance[i % k]);
        }
        Matrix out = Products.multiply(m, new Matrix(components, k, nFeatures));
        double[] o = out.data();
        for (int i = 0; i < o.length; i++) o[i] += mean[i % nFeatures];
        return out.toTensor(x.dtype());
    }

    /** Principal axes, nComponents x nFeatures, by decreasing explained variance. */
    public Tensor components() {
        requireFitted("components");
        return Nabla.tensor(components, k, nFeatures);
    }

    public Tensor explainedVariance() {
        requireFitted("explainedVariance");
        return Nabla.tensor(explainedVariance, k);
    }

    public Tensor explainedVarianceRatio() {
        requireFitted("explainedVarianceRatio");
        return Nabla.tensor(explainedVarianceRatio, k);
    }

    public Tensor singularValues() {
        requireFitted("singularValues");
        return Nabla.tensor(singularValues, k);
    }

    public Tensor mean() {
        requireFitted("mean");
        return Nabla.tensor(mean, nFeatures);
    }

    /** Mean variance of the discarded directions (probabilistic PCA's noise), 0 when none are discarded. */
    public double noiseVariance() {
        requireFitted("noiseVariance");
        return noiseVariance;
    }

    /** The number of components kept (resolved from varianceFraction or the data shape). */
    public int nComponents() {
        requireFitted("nComponents");
        return k;
    }

    @Override
    protected void saveState(State out) {
        out.put("components", components).put("explainedVariance", explainedVariance).put("explainedVarianceRatio", explainedVarianceRatio)
                .put("singularValues", singularValues).put("mean", mean).put("noiseVariance", noiseVariance).put("k", k).put("nFeatures", nFeatures);
    }

    @Override
    protected void loadState(State in) {
        components = in.doubles("components");
        explainedVariance = in.doubles("explainedVariance");
        explainedVarianceRatio = in.doubles("explainedVarianceRatio");
        singularValues = in.doubles("singularValues");
        mean = in.doubles("mean");
        noiseVariance = in.number("noiseVariance");
        k = in.integer("k");
        nFeatures = in.integer("nFeatures");
    }
}
