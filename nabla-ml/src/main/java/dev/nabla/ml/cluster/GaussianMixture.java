package dev.nabla.ml.cluster;

import dev.nabla.DType;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Check;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Validation;
import java.util.Arrays;
import java.util.List;

/**
 * A Gaussian mixture fitted by expectation-maximisation (sklearn.mixture.GaussianMixture). Starts
 * from a one-run KMeans labelling unless weights, means and precisions are given; stops when the mean
 * log-likelihood gains less than tol; keeps the best of nInit starts. Labels are the most
 * responsible component.
 */
public final class GaussianMixture extends BaseEstimator<GaussianMixture, GaussianMixture.Options> implements Clusterer {
    /**
     * @param precisionsInit flattened: FULL k·d·d (one d x d matrix per component), TIED d·d, DIAG k·d, SPHERICAL k
     */
    public record Options(int nComponents, CovarianceType covarianceType, double tol, double regCovar, int maxIter, int nInit,
                          List<Double> weightsInit, List<List<Double>> meansInit, List<Double> precisionsInit, long seed) {
        public Options {
            Check.positive("GaussianMixture", "nComponents", nComponents);
            Check.notNull("GaussianMixture", "covarianceType", covarianceType);
            Check.nonNegative("GaussianMixture", "tol", tol);
            Check.nonNegative("GaussianMixture", "regCovar", regCovar);
            Check.positive("GaussianMixture", "maxIter", maxIter);
            Check.positive("GaussianMixture", "nInit", nInit);
            if (weightsInit != null) {
                weightsInit = List.copyOf(weightsInit);
                if (weightsInit.size() != nComponents)
                    throw new IllegalArgumentException("GaussianMixture: weightsInit has " + weightsInit.size() + " values for " + nComponents + " components");
            }
            meansInit = Seeds.copy("GaussianMixture", meansInit, nComponents);
            if (precisionsInit != null) precisionsInit = List.copyOf(precisionsInit);
        }

        /** sklearn's defaults: one full-covariance component, tol 1e-3, regCovar 1e-6, 100 iterations, 1 start. */
        public Options() {
            this(1, CovarianceType.FULL, 1e-3, 1e-6, 100, 1, null, null, null, 0);
        }

        public Options nComponents(int v) { return new Options(v, covarianceType, tol, regCovar, maxIter, nInit, weightsInit, meansInit, precisionsInit, seed); }
        public Options covarianceType(CovarianceType v) { return new Options(nComponents, v, tol, regCovar, maxIter, nInit, weightsInit, meansInit, precisionsInit, seed); }
        public Options tol(double v) { return new Options(nComponents, covarianceType, v, regCovar, maxIter, nInit, weightsInit, meansInit, precisionsInit, seed); }
        public Options regCovar(double v) { return new Options(nComponents, covarianceType, tol, v, maxIter, nInit, weightsInit, meansInit, precisionsInit, seed); }
        public Options maxIter(int v) { return new Options(nComponents, covarianceType, tol, regCovar, v, nInit, weightsInit, meansInit, precisionsInit, seed); }
        public Options nInit(int v) { return new Options(nComponents, covarianceType, tol, regCovar, maxIter, v, weightsInit, meansInit, precisionsInit, seed); }
        public Options weightsInit(double[] v) { return new Options(nComponents, covarianceType, tol, regCovar, maxIter, nInit, boxed(v), meansInit, precisionsInit, seed); }
        public Options meansInit(double[][] v) { return new Options(nComponents, covarianceType, tol, regCovar, maxIter, nInit, weightsInit, Seeds.of(v), precisionsInit, seed); }
        public Options precisionsInit(double[] v) { return new Options(nComponents, covarianceType, tol, regCovar, maxIter, nInit, weightsInit, meansInit, boxed(v), seed); }
        public Options seed(long v) { return new Options(nComponents, covarianceType, tol, regCovar, maxIter, nInit, weightsInit, meansInit, precisionsInit, v); }

        private static List<Double> boxed(double[] v) {
            return v == null ? null : Arrays.stream(v).boxed().toList();
        }
    }

    private Gaussians model;
    private int[] labels;
    private double lowerBound;
    private int nIter;
    private boolean converged;

    public GaussianMixture() {
        this(new Options());
    }

    public GaussianMixture(Options options) {
        super(options);
    }

    @Override
    protected GaussianMixture withOptions(Options o) {
        return new GaussianMixture(o);
    }

    @Override
    public GaussianMixture fit(Tensor x) {
        Matrix m = Validation.features(name(), x);
        int k = options.nComponents();
        if (m.rows() < k) throw new IllegalArgumentException(name() + ": nComponents=" + k + " must be <= n_samples=" + m.rows());
        Generator rng = new Generator(options.seed());
        double best = Double.NEGATIVE_INFINITY;
        for (int run = 0; run < options.nInit(); run++) {
            Gaussians g = initial(m, rng.nextLong());
            double bound = Double.NEGATIVE_INFINITY;
            boolean done = false;
            int iter = 0;
            while (iter < options.maxIter() && !done) {
                iter++;
                double previous = bound;
                EStep e = eStep(g, m);
                g = mStep(m, e.resp());
                bound = e.meanLogLikelihood();
                done = Math.abs(bound - previous) < options.tol();
            }
            if (bound > best || best == Double.NEGATIVE_INFINITY) {
                best = bound;
                model = g;
                nIter = iter;
                converged = done;
            }
        }
        lowerBound = best;
        // a final E-step so labels agree with predict on the kept parameters
        labels = argMax(eStep(model, m).resp());
        markFitted();
        return this;
    }

    private Gaussians initial(Matrix m, long seed) {
        int k = options.nComponents(), d = m.cols();
        Gaussians g = null;
        boolean allGiven = options.weightsInit() != null && options.meansInit() != null && options.precisionsInit() != null;
        if (!allGiven) {
            long[] km = new KMeans(new KMeans.Options().nClusters(k).nInit(1).seed(seed)).fit(m.toTensor(DType.FLOAT64)).labels().toLongArray();
            double[] resp = new double[m.rows() * k];
            for (int i = 0; i < km.length; i++) resp[i * k + (int) km[i]] = 1;
            g = Gaussians.estimate(m, new Matrix(resp, m.rows(), k), options.regCovar(), options.covarianceType());
            g = g.withWeights(normalised(g.weights()));
        }
        double[] weights = options.weightsInit() != null ? options.weightsInit().stream().mapToDouble(Double::doubleValue).toArray() : g.weights();
        double[] means = options.meansInit() != null ? Seeds.flat(name(), options.meansInit(), d) : g.means();
        double[] cov = g == null ? null : g.covariances(), factors;
        if (options.precisionsInit() != null) {
            double[] prec = options.precisionsInit().stream().mapToDouble(Double::doubleValue).toArray();
            int expected = switch (options.covarianceType()) {
                case FULL -> k * d * d;
                case TIED -> d * d;
                case DIAG -> k * d;
                case SPHERICAL -> k;
            };
            if (prec.length != expected)
                throw new IllegalArgumentException(name() + ": precisionsInit for " + options.covarianceType().name().toLowerCase()
                        + " covariances needs " + expected + " values, got " + prec.length);
            factors = Gaussians.factorsFromPrecisions(options.covarianceType(), prec, k, d);
        } else factors = g.precisionFactors();
        return new Gaussians(options.covarianceType(), k, d, weights, means, cov, factors);
    }

    private Gaussians mStep(Matrix m, Matrix resp) {
        Gaussians g = Gaussians.estimate(m, resp, options.regCovar(), options.covarianceType());
        return g.withWeights(normalised(g.weights()));
    }

    private static double[] normalised(double[] w) {
        double s = 0;
        for (double v : w) s += v;
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) out[i] = w[i] / s;
        return out;
    }

    /** Responsibilities (n x k) and the per-sample log-likelihoods. */
    private record EStep(Matrix resp, double[] logLikelihood) {
        double meanLogLikelihood() {
            double s = 0;
            for (double v : logLikelihood) s += v;
            return s / logLikelihood.length;
        }
    }

    private static EStep eStep(Gaussians g, Matrix m) {
        Matrix w = g.weightedLogProb(m);
        int n = m.rows(), k = g.k();
        double[] a = w.data(), norm = new double[n];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) max = Math.max(max, a[i * k + c]);
            double s = 0;
            for (int c = 0; c < k; c++) s += Math.exp(a[i * k + c] - max);
            norm[i] = max + Math.log(s);
            for (int c = 0; c < k; c++) a[i * k + c] = Math.exp(a[i * k + c] - norm[i]);
        }
        return new EStep(w, norm);
    }

    private static int[] argMax(Matrix r) {
        int k = r.cols();
        int[] out = new int[r.rows()];
        for (int i = 0; i < out.length; i++)
            for (int c = 1; c < k; c++) if (r.data()[i * k + c] > r.data()[i * k + out[i]]) out[i] = c;
        return out;
    }

    private Matrix checked(Tensor x, String method) {
        requireFitted(method);
        Matrix m = Validation.features(name(), x);
        Validation.featureCount(name(), m, model.d());
        return m;
    }

    /** The most probable component of each sample, int64. */
    public Tensor predict(Tensor x) {
        return Seeds.labels(argMax(eStep(model, checked(x, "predict")).resp()));
    }

    /** The posterior probability of each component: n x nComponents. */
    public Tensor predictProba(Tensor x) {
        Matrix r = eStep(model, checked(x, "predictProba")).resp();
        return Nabla.tensor(r.data(), r.rows(), r.cols());
    }

    /** The log-likelihood of each sample under the mixture. */
    public Tensor scoreSamples(Tensor x) {
        double[] ll = eStep(model, checked(x, "scoreSamples")).logLikelihood();
        return Nabla.tensor(ll, ll.length);
    }

    /** The mean log-likelihood per sample. */
    public double score(Tensor x) {
        return eStep(model, checked(x, "score")).meanLogLikelihood();
    }

    /** Bayesian information criterion: −2·log L + p·ln n (lower is better). */
    public double bic(Tensor x) {
        int n = x.size(0);
        return -2 * score(x) * n + model.parameterCount() * Math.log(n);
    }

    /** Akaike information criterion: −2·log L + 2p (lower is better). */
    public double aic(Tensor x) {
        return -2 * score(x) * x.size(0) + 2 * model.parameterCount();
    }

    @Override
    public Tensor labels() {
        requireFitted("labels");
        return Seeds.labels(labels);
    }

    public Tensor weights() {
        requireFitted("weights");
        return Nabla.tensor(model.weights(), model.k());
    }

    public Tensor means() {
        requireFitted("means");
        return Nabla.tensor(model.means(), model.k(), model.d());
    }

    /** Covariances shaped by type: FULL [k, d, d], TIED [d, d], DIAG [k, d], SPHERICAL [k]. */
    public Tensor covariances() {
        requireFitted("covariances");
        int k = model.k(), d = model.d();
        return switch (model.type()) {
            case FULL -> Nabla.tensor(model.covariances(), k, d, d);
            case TIED -> Nabla.tensor(model.covariances(), d, d);
            case DIAG -> Nabla.tensor(model.covariances(), k, d);
            case SPHERICAL -> Nabla.tensor(model.covariances(), k);
        };
    }

    /** The mean log-likelihood of the training data at the kept parameters' last E-step (sklearn's lower_bound_). */
    public double lowerBound() {
        requireFitted("lowerBound");
        return lowerBound;
    }

    public int nIter() {
        requireFitted("nIter");
        return nIter;
    }

    public boolean converged() {
        requireFitted("converged");
        return converged;
    }

    @Override
    protected void saveState(State out) {
        out.put("weights", model.weights()).put("means", model.means()).put("covariances", model.covariances())
                .put("precisionFactors", model.precisionFactors()).put("d", model.d()).put("labels", labels)
                .put("lowerBound", lowerBound).put("nIter", nIter).put("converged", converged ? 1 : 0);
    }

    @Override
    protected void loadState(State in) {
        double[] w = in.doubles("weights");
        model = new Gaussians(options.covarianceType(), w.length, in.integer("d"), w, in.doubles("means"), in.doubles("covariances"),
                in.doubles("precisionFactors"));
        labels = in.ints("labels");
        lowerBound = in.number("lowerBound");
        nIter = in.integer("nIter");
        converged = in.integer("converged") == 1;
    }
}
