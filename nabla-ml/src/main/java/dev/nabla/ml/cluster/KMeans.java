package dev.nabla.ml.cluster;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Check;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Transformer;
import dev.nabla.ml.Validation;
import dev.nabla.ml.metrics.Pairwise;
import java.util.List;

/**
 * k-means clustering (sklearn.cluster.KMeans): nInit seeded runs of Lloyd's or Elkan's algorithm, the
 * lowest inertia kept. transform gives the distance to every center, predict the nearest one.
 */
public final class KMeans extends BaseEstimator<KMeans, KMeans.Options> implements Clusterer, Transformer {
    public enum Init { K_MEANS_PLUS_PLUS, RANDOM }

    public enum Algorithm { LLOYD, ELKAN }

    /**
     * @param initCenters explicit starting centers (nClusters rows), which override init; sklearn's init=ndarray
     * @param tol         stop when the total squared center shift is within tol times the mean feature variance
     */
    public record Options(int nClusters, Init init, List<List<Double>> initCenters, int nInit, int maxIter, double tol,
                          Algorithm algorithm, long seed) {
        public Options {
            Check.positive("KMeans", "nClusters", nClusters);
            Check.notNull("KMeans", "init", init);
            Check.positive("KMeans", "nInit", nInit);
            Check.positive("KMeans", "maxIter", maxIter);
            Check.nonNegative("KMeans", "tol", tol);
            Check.notNull("KMeans", "algorithm", algorithm);
            initCenters = Seeds.copy("KMeans", initCenters, nClusters);
        }

        /** sklearn 1.2's defaults: 8 clusters, k-means++, 10 runs, 300 iterations, tol 1e-4, Lloyd. */
        public Options() {
            this(8, Init.K_MEANS_PLUS_PLUS, null, 10, 300, 1e-4, Algorithm.LLOYD, 0);
        }

        public Options nClusters(int v) { return new Options(v, init, initCenters, nInit, maxIter, tol, algorithm, seed); }
        public Options init(Init v) { return new Options(nClusters, v, initCenters, nInit, maxIter, tol, algorithm, seed); }
        /** Starts from these centers; a single run suffices, so nInit becomes 1. */
        public Options initCenters(double[][] v) { return new Options(nClusters, init, Seeds.of(v), 1, maxIter, tol, algorithm, seed); }
        public Options nInit(int v) { return new Options(nClusters, init, initCenters, v, maxIter, tol, algorithm, seed); }
        public Options maxIter(int v) { return new Options(nClusters, init, initCenters, nInit, v, tol, algorithm, seed); }
        public Options tol(double v) { return new Options(nClusters, init, initCenters, nInit, maxIter, v, algorithm, seed); }
        public Options algorithm(Algorithm v) { return new Options(nClusters, init, initCenters, nInit, maxIter, tol, v, seed); }
        public Options seed(long v) { return new Options(nClusters, init, initCenters, nInit, maxIter, tol, algorithm, v); }
    }

    private double[] centers;
    private int[] labels;
    private int nFeatures, nIter;
    private double inertia;

    public KMeans() {
        this(new Options());
    }

    public KMeans(Options options) {
        super(options);
    }

    @Override
    protected KMeans withOptions(Options o) {
        return new KMeans(o);
    }

    @Override
    public KMeans fit(Tensor x) {
        Matrix m = Validation.featuresReadOnly(name(), x); // seeding and Lloyd/Elkan only read the rows and keep none
        int k = options.nClusters();
        if (m.rows() < k) throw new IllegalArgumentException(name() + ": nClusters=" + k + " must be <= n_samples=" + m.rows());
        double[] given = options.initCenters() == null ? null : Seeds.flat(name(), options.initCenters(), m.cols());
        double tol = options.tol() * meanVariance(m);
        Generator rng = new Generator(options.seed());
        KMeansRun best = null;
        for (int run = 0; run < options.nInit(); run++) {
            double[] init = given != null ? given : seed(m, k, rng);
            KMeansRun r = options.algorithm() == Algorithm.ELKAN && k > 1
                    ? Elkan.run(m, init, k, options.maxIter(), tol) : Lloyd.run(m, init, k, options.maxIter(), tol);
            // sklearn keeps the first of equally good runs: a later run must be strictly better
            if (best == null || r.inertia() < best.inertia()) best = r;
        }
        centers = best.centers();
        labels = best.labels();
        inertia = best.inertia();
        nIter = best.nIter();
        nFeatures = m.cols();
        markFitted();
        return this;
    }

    private double[] seed(Matrix m, int k, Generator rng) {
        if (options.init() == Init.K_MEANS_PLUS_PLUS) return KMeansPlusPlus.centers(m, k, rng);
        // random: k distinct samples, a partial Fisher-Yates shuffle
        int n = m.rows(), d = m.cols();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        double[] out = new double[k * d];
        for (int c = 0; c < k; c++) {
            int j = c + rng.nextInt(n - c);
            int t = order[c];
            order[c] = order[j];
            order[j] = t;
            System.arraycopy(m.data(), order[c] * d, out, c * d, d);
        }
        return out;
    }

    /**
     * Mean of the per-feature variances: sklearn scales tol by it so tol is unit-free. Each row chunk sums
     * the squared deviations from its own column means (one pass over memory, the second from cache); the
     * chunks merge by Chan et al.'s update, Σ chunk squares + Σ rows_c·‖mean_c − mean‖². The loops run
     * {@link #VARIANCE_BLOCK} rows per call so that a first small fit gets them compiled.
     */
    private static double meanVariance(Matrix m) {
        int n = m.rows(), d = m.cols();
        double[] xs = m.data();
        Chunks chunks = Chunks.of(n);
        double[][] sums = new double[chunks.count()][];
        double[] squares = new double[chunks.count()];
        chunks.forEach(c -> {
            int r0 = chunks.start(c), r1 = chunks.end(c);
            double[] sum = new double[d], mean = new double[d];
            for (int b = r0; b < r1; b += VARIANCE_BLOCK) addRows(xs, b, Math.min(r1, b + VARIANCE_BLOCK), d, sum);
            for (int j = 0; j < d; j++) mean[j] = sum[j] / (r1 - r0);
            double total = 0;
            for (int b = r0; b < r1; b += VARIANCE_BLOCK) total = addSquares(xs, b, Math.min(r1, b + VARIANCE_BLOCK), d, mean, total);
            sums[c] = sum;
            squares[c] = total;
        });
        double total = Chunks.total(squares);
        if (chunks.count() > 1) {
            double[] mean = new double[d];
            for (double[] sum : sums)
                for (int j = 0; j < d; j++) mean[j] += sum[j];
            for (int j = 0; j < d; j++) mean[j] /= n;
            for (int c = 0; c < chunks.count(); c++) {
                int rows = chunks.end(c) - chunks.start(c);
                for (int j = 0; j < d; j++) {
                    double gap = sums[c][j] / rows - mean[j];
                    total += rows * gap * gap;
                }
            }
        }
        return total / n / d;
    }

    private static final int VARIANCE_BLOCK = 16;

    /** sum[j] += x[i][j] over rows [r0, r1), in row order. */
    private static void addRows(double[] xs, int r0, int r1, int d, double[] sum) {
        for (int i = r0; i < r1; i++)
            for (int j = 0; j < d; j++) sum[j] += xs[i * d + j];
    }

    /** total + Σ (x[i][j] − mean[j])² over rows [r0, r1), added row by row, feature by feature. */
    private static double addSquares(double[] xs, int r0, int r1, int d, double[] mean, double total) {
        for (int i = r0; i < r1; i++)
            for (int j = 0; j < d; j++) {
                double v = xs[i * d + j] - mean[j];
                total += v * v;
            }
        return total;
    }

    /** The nearest center of each sample, int64. */
    public Tensor predict(Tensor x) {
        requireFitted("predict");
        Matrix m = checked(x);
        int[] out = new int[m.rows()];
        NearestCenter.assign(m, centers, options.nClusters(), out, false);
        return Seeds.labels(out);
    }

    /** The Euclidean distance of each sample to every center: n x nClusters. */
    @Override
    public Tensor transform(Tensor x) {
        requireFitted("transform");
        Matrix m = checked(x);
        Matrix dist = Pairwise.squaredEuclidean(m, new Matrix(centers, options.nClusters(), nFeatures));
        double[] a = dist.data();
        for (int i = 0; i < a.length; i++) a[i] = Math.sqrt(a[i]);
        return dist.toTensor(x.dtype());
    }

    /** Minus the inertia of x against the fitted centers (sklearn's score: higher is better). */
    public double score(Tensor x) {
        requireFitted("score");
        Matrix m = checked(x);
        int[] out = new int[m.rows()];
        return -NearestCenter.assign(m, centers, options.nClusters(), out, false).inertia();
    }

    private Matrix checked(Tensor x) {
        Matrix m = Validation.featuresReadOnly(name(), x);
        Validation.featureCount(name(), m, nFeatures);
        return m;
    }

    @Override
    public Tensor labels() {
        requireFitted("labels");
        return Seeds.labels(labels);
    }

    public Tensor clusterCenters() {
        requireFitted("clusterCenters");
        return Nabla.tensor(centers, options.nClusters(), nFeatures);
    }

    public double inertia() {
        requireFitted("inertia");
        return inertia;
    }

    public int nIter() {
        requireFitted("nIter");
        return nIter;
    }

    @Override
    protected void saveState(State out) {
        out.put("centers", centers).put("labels", labels).put("nFeatures", nFeatures).put("inertia", inertia).put("nIter", nIter);
    }

    @Override
    protected void loadState(State in) {
        centers = in.doubles("centers");
        labels = in.ints("labels");
        nFeatures = in.integer("nFeatures");
        inertia = in.number("inertia");
        nIter = in.integer("nIter");
    }
}
