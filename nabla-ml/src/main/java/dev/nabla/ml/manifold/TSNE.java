package dev.nabla.ml.manifold;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Check;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Validation;
import dev.nabla.ml.decomposition.PCA;
import java.util.Arrays;

/**
 * t-distributed stochastic neighbour embedding (sklearn.manifold.TSNE, 1.2 defaults: PCA init,
 * learning rate 'auto', Barnes-Hut). Gradient descent with momentum and per-coordinate gains: 250
 * iterations with P exaggerated and momentum 0.5, then the rest with momentum 0.8, checking progress
 * every 50. Like sklearn it only embeds the data it is fitted on: use {@link #fitTransform}.
 */
public final class TSNE extends BaseEstimator<TSNE, TSNE.Options> {
    public enum Init { PCA, RANDOM }

    public enum Method { BARNES_HUT, EXACT }

    private static final int EXPLORATION_ITERATIONS = 250, CHECK_EVERY = 50;

    /** @param learningRate null for sklearn's 'auto': max(n / earlyExaggeration / 4, 50) */
    public record Options(int nComponents, double perplexity, double earlyExaggeration, Double learningRate, int nIter,
                          int nIterWithoutProgress, double minGradNorm, Init init, Method method, double angle, long seed) {
        public Options {
            Check.positive("TSNE", "nComponents", nComponents);
            Check.positive("TSNE", "perplexity", perplexity);
            Check.positive("TSNE", "earlyExaggeration", earlyExaggeration);
            if (learningRate != null) Check.positive("TSNE", "learningRate", learningRate);
            if (nIter < EXPLORATION_ITERATIONS) throw new IllegalArgumentException("TSNE: nIter must be at least " + EXPLORATION_ITERATIONS + ", got " + nIter);
            Check.positive("TSNE", "nIterWithoutProgress", nIterWithoutProgress);
            Check.nonNegative("TSNE", "minGradNorm", minGradNorm);
            Check.notNull("TSNE", "init", init);
            Check.notNull("TSNE", "method", method);
            Check.inRange("TSNE", "angle", angle, 0, 1);
            if (method == Method.BARNES_HUT && nComponents > 3)
                throw new IllegalArgumentException("TSNE: the Barnes-Hut method needs nComponents <= 3, got " + nComponents + "; use Method.EXACT");
        }

        public Options() {
            this(2, 30, 12, null, 1000, 300, 1e-7, Init.PCA, Method.BARNES_HUT, 0.5, 0);
        }

        public Options nComponents(int v) { return new Options(v, perplexity, earlyExaggeration, learningRate, nIter, nIterWithoutProgress, minGradNorm, init, method, angle, seed); }
        public Options perplexity(double v) { return new Options(nComponents, v, earlyExaggeration, learningRate, nIter, nIterWithoutProgress, minGradNorm, init, method, angle, seed); }
        public Options earlyExaggeration(double v) { return new Options(nComponents, perplexity, v, learningRate, nIter, nIterWithoutProgress, minGradNorm, init, method, angle, seed); }
        public Options learningRate(double v) { return new Options(nComponents, perplexity, earlyExaggeration, v, nIter, nIterWithoutProgress, minGradNorm, init, method, angle, seed); }
        public Options nIter(int v) { return new Options(nComponents, perplexity, earlyExaggeration, learningRate, v, nIterWithoutProgress, minGradNorm, init, method, angle, seed); }
        public Options nIterWithoutProgress(int v) { return new Options(nComponents, perplexity, earlyExaggeration, learningRate, nIter, v, minGradNorm, init, method, angle, seed); }
        public Options minGradNorm(double v) { return new Options(nComponents, perplexity, earlyExaggeration, learningRate, nIter, nIterWithoutProgress, v, init, method, angle, seed); }
        public Options init(Init v) { return new Options(nComponents, perplexity, earlyExaggeration, learningRate, nIter, nIterWithoutProgress, minGradNorm, v, method, angle, seed); }
        public Options method(Method v) { return new Options(nComponents, perplexity, earlyExaggeration, learningRate, nIter, nIterWithoutProgress, minGradNorm, init, v, angle, seed); }
        public Options angle(double v) { return new Options(nComponents, perplexity, earlyExaggeration, learningRate, nIter, nIterWithoutProgress, minGradNorm, init, method, v, seed); }
        public Options seed(long v) { return new Options(nComponents, perplexity, earlyExaggeration, learningRate, nIter, nIterWithoutProgress, minGradNorm, init, method, angle, v); }
    }

    private double[] embedding;
    private double klDivergence;
    private int nIter, n;

    public TSNE() {
        this(new Options());
    }

    public TSNE(Options options) {
        super(options);
    }

    @Override
    protected TSNE withOptions(Options o) {
        return new TSNE(o);
    }

    public TSNE fit(Tensor x) {
        Matrix m = Validation.features(name(), x);
        n = m.rows();
        int dim = options.nComponents();
        if (options.perplexity() >= n)
            throw new IllegalArgumentException(name() + ": perplexity (" + options.perplexity() + ") must be less than n_samples (" + n + ")");
        double[] y = initial(x, m);
        double[] p;
        Objective objective;
        if (options.method() == Method.EXACT) {
            p = Affinities.dense(m, options.perplexity());
            objective = Objective.exact(p, n, dim);
        } else {
            int k = Math.min(n - 1, (int) (3 * options.perplexity() + 1));
            Affinities.Sparse sp = Affinities.sparse(Neighbours.of(m, k), options.perplexity());
            p = sp.values();
            objective = Objective.barnesHut(sp, n, dim, options.angle());
        }
        double rate = options.learningRate() != null ? options.learningRate() : Math.max(n / options.earlyExaggeration() / 4, 50);
        Descent descent = new Descent(y, rate);
        scale(p, options.earlyExaggeration());
        int it = descent.run(objective, 0, EXPLORATION_ITERATIONS, 0.5, EXPLORATION_ITERATIONS);
        scale(p, 1 / options.earlyExaggeration());
        if (it < options.nIter()) it = descent.run(objective, it + 1, options.nIter(), 0.8, options.nIterWithoutProgress());
        embedding = y;
        klDivergence = descent.error;
        nIter = it;
        markFitted();
        return this;
    }

    private static void scale(double[] p, double factor) {
        for (int i = 0; i < p.length; i++) p[i] *= factor;
    }

    /** PCA coordinates scaled to a first-axis standard deviation of 1e-4 (sklearn's 'pca'), or N(0, 1e-4²). */
    private double[] initial(Tensor x, Matrix m) {
        int dim = options.nComponents();
        if (options.init() == Init.RANDOM) {
            Generator g = new Generator(options.seed());
            double[] y = new double[n * dim];
            for (int i = 0; i < y.length; i++) y[i] = 1e-4 * g.nextGaussian();
            return y;
        }
        if (dim > Math.min(n, m.cols()))
            throw new IllegalArgumentException(name() + ": PCA init needs nComponents <= min(n_samples, n_features); use Init.RANDOM");
        double[] y = new PCA(new PCA.Options().nComponents(dim).solver(PCA.Solver.RANDOMIZED).seed(options.seed())).fitTransform(x).toDoubleArray();
        double mean = 0, var = 0;
        for (int i = 0; i < n; i++) mean += y[i * dim];
        mean /= n;
        for (int i = 0; i < n; i++) var += (y[i * dim] - mean) * (y[i * dim] - mean);
        double std = Math.sqrt(var / n);
        for (int i = 0; i < y.length; i++) y[i] = y[i] / std * 1e-4;
        return y;
    }

    /** sklearn's _gradient_descent: momentum, gains that grow while the gradient keeps its sign, progress checks. */
    private final class Descent {
        final double[] p, update, gains, grad;
        final double rate;
        double error = Double.MAX_VALUE;

        Descent(double[] p, double rate) {
            this.p = p;
            this.rate = rate;
            update = new double[p.length];
            gains = new double[p.length];
            grad = new double[p.length];
            Arrays.fill(gains, 1);
        }

        /** Iterations start..end−1; returns the last iteration run. */
        int run(Objective objective, int start, int end, double momentum, int withoutProgress) {
            double best = Double.MAX_VALUE;
            int bestIter = start, i = start;
            for (; i < end; i++) {
                boolean check = (i + 1) % CHECK_EVERY == 0;
                double e = objective.evaluate(p, grad, check || i == end - 1);
                if (!Double.isNaN(e)) error = e;
                double norm2 = 0;
                for (int t = 0; t < p.length; t++) {
                    boolean sameDirection = update[t] * grad[t] < 0;
                    gains[t] = Math.max(sameDirection ? gains[t] + 0.2 : gains[t] * 0.8, 0.01);
                    double g = grad[t] * gains[t];
                    norm2 += g * g;
                    update[t] = momentum * update[t] - rate * g;
                    p[t] += update[t];
                }
                if (!check) continue;
                if (error < best) {
                    best = error;
                    bestIter = i;
                } else if (i - bestIter > withoutProgress) break;
                if (Math.sqrt(norm2) <= options.minGradNorm()) break;
            }
            return Math.min(i, end - 1);
        }
    }

    /** Fits and returns the embedding, n x nComponents float64. */
    public Tensor fitTransform(Tensor x) {
        return fit(x).embedding();
    }

    public Tensor embedding() {
        requireFitted("embedding");
        return Nabla.tensor(embedding, n, options.nComponents());
    }

    /** KL(P‖Q) at the end of optimisation. */
    public double klDivergence() {
        requireFitted("klDivergence");
        return klDivergence;
    }

    /** The index of the last gradient step (sklearn's n_iter_). */
    public int nIter() {
        requireFitted("nIter");
        return nIter;
    }

    @Override
    protected void saveState(State out) {
        out.put("embedding", embedding).put("n", n).put("klDivergence", klDivergence).put("nIter", nIter);
    }

    @Override
    protected void loadState(State in) {
        embedding = in.doubles("embedding");
        n = in.integer("n");
        klDivergence = in.number("klDivergence");
        nIter = in.integer("nIter");
    }
}
