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

/**
 * Truncated SVD without centering (sklearn.decomposition.TruncatedSVD, "LSA"): X ≈ U·Σ·Vᵀ with the
 * leading nComponents triplets. RANDOMIZED is sklearn's default; EXACT takes a full SVD and stands in
 * for sklearn's arpack solver (same answer, no Lanczos iteration).
 */
public final class TruncatedSVD extends BaseEstimator<TruncatedSVD, TruncatedSVD.Options> implements Transformer {
    public enum Algorithm { RANDOMIZED, EXACT }

    public record Options(int nComponents, Algorithm algorithm, int nIter, int nOversamples, long seed) {
        public Options {
            Check.positive("TruncatedSVD", "nComponents", nComponents);
            Check.notNull("TruncatedSVD", "algorithm", algorithm);
            if (nIter < 0) throw new IllegalArgumentException("TruncatedSVD: nIter must be >= 0, got " + nIter);
            if (nOversamples < 0) throw new IllegalArgumentException("TruncatedSVD: nOversamples must be >= 0, got " + nOversamples);
        }

        /** sklearn's defaults: 2 components, randomized with 5 power iterations and 10 oversamples. */
        public Options() {
            this(2, Algorithm.RANDOMIZED, 5, 10, 0);
        }

        public Options nComponents(int v) { return new Options(v, algorithm, nIter, nOversamples, seed); }
        public Options algorithm(Algorithm v) { return new Options(nComponents, v, nIter, nOversamples, seed); }
        public Options nIter(int v) { return new Options(nComponents, algorithm, v, nOversamples, seed); }
        public Options nOversamples(int v) { return new Options(nComponents, algorithm, nIter, v, seed); }
        public Options seed(long v) { return new Options(nComponents, algorithm, nIter, nOversamples, v); }
    }

    private double[] components, explainedVariance, explainedVarianceRatio, singularValues;
    private int nFeatures;

    public TruncatedSVD() {
        this(new Options());
    }

    public TruncatedSVD(Options options) {
        super(options);
    }

    @Override
    protected TruncatedSVD withOptions(Options o) {
        return new TruncatedSVD(o);
    }

    @Override
    public TruncatedSVD fit(Tensor x) {
        Matrix m = Validation.features(name(), x);
        int k = options.nComponents(), d = m.cols();
        // sklearn's arpack needs k < n_features; keep the same bound for both solvers
        if (k >= d) throw new IllegalArgumentException(name() + ": nComponents=" + k + " must be < n_features=" + d);
        Svd svd = options.algorithm() == Algorithm.EXACT
                ? RandomizedSvd.truncate(Svd.of(m).flip(true), k)
                : RandomizedSvd.of(m, k, options.nOversamples(), options.nIter(), new Generator(options.seed()));
        components = svd.vt().data();
        singularValues = svd.s();
        nFeatures = d;
        // explained variance: the variance of each projected column U·Σ, against X's total variance
        Matrix projected = Products.multiply(m, false, svd.vt(), true);
        explainedVariance = columnVariances(projected);
        double total = 0;
        for (double v : columnVariances(m)) total += v;
        explainedVarianceRatio = new double[k];
        for (int j = 0; j < k; j++) explainedVarianceRatio[j] = explainedVariance[j] / total;
        markFitted();
        return this;
    }

    private static double[] columnVariances(Matrix m) {
        double[] mean = Products.columnMeans(m), var = new double[m.cols()];
        int d = m.cols();
        for (int i = 0; i < m.rows(); i++)
            for (int j = 0; j < d; j++) {
                double v = m.data()[i * d + j] - mean[j];
                var[j] += v * v;
            }
        for (int j = 0; j < d; j++) var[j] /= m.rows();
        return var;
    }

    /** X·Vᵀ: the coordinates on the components. */
    @Override
    public Tensor transform(Tensor x) {
        requireFitted("transform");
        Matrix m = Validation.features(name(), x);
        Validation.featureCount(name(), m, nFeatures);
        return Products.multiply(m, false, new Matrix(components, options.nComponents(), nFeatures), true).toTensor(x.dtype());
    }

    @Override
    public Tensor inverseTransform(Tensor x) {
        requireFitted("inverseTransform");
        Matrix m = Validation.features(name(), x);
        int k = options.nComponents();
        if (m.cols() != k) throw new IllegalArgumentException(name() + ": inverseTransform expects " + k + " columns (components), got " + m.cols());
        return Products.multiply(m, new Matrix(components, k, nFeatures)).toTensor(x.dtype());
    }

    public Tensor components() {
        requireFitted("components");
        return Nabla.tensor(components, options.nComponents(), nFeatures);
    }

    public Tensor explainedVariance() {
        requireFitted("explainedVariance");
        return Nabla.tensor(explainedVariance, explainedVariance.length);
    }

    public Tensor explainedVarianceRatio() {
        requireFitted("explainedVarianceRatio");
        return Nabla.tensor(explainedVarianceRatio, explainedVarianceRatio.length);
    }

    public Tensor singularValues() {
        requireFitted("singularValues");
        return Nabla.tensor(singularValues, singularValues.length);
    }

    @Override
    protected void saveState(State out) {
        out.put("components", components).put("explainedVariance", explainedVariance).put("explainedVarianceRatio", explainedVarianceRatio)
                .put("singularValues", singularValues).put("nFeatures", nFeatures);
    }

    @Override
    protected void loadState(State in) {
        components = in.doubles("components");
        explainedVariance = in.doubles("explainedVariance");
        explainedVarianceRatio = in.doubles("explainedVarianceRatio");
        singularValues = in.doubles("singularValues");
        nFeatures = in.integer("nFeatures");
    }
}
