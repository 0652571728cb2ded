package dev.nabla.ml.neighbors;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.Check;
import dev.nabla.ml.Classifier;
import dev.nabla.ml.Labels;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Validation;

/**
 * k-nearest-neighbours classification as sklearn's KNeighborsClassifier (Euclidean): the class with the most
 * (weighted) votes among the k nearest training rows; tied votes go to the smallest label, as sklearn's mode.
 */
public final class KNeighborsClassifier extends NeighborsBase<KNeighborsClassifier, KNeighborsClassifier.Options> implements Classifier {
    private static final String NAME = "KNeighborsClassifier";

    /** @param leafSize rows per KD-tree leaf */
    public record Options(int nNeighbors, Weights weights, Algorithm algorithm, int leafSize) {
        public Options {
            Check.positive(NAME, "nNeighbors", nNeighbors);
            Check.notNull(NAME, "weights", weights);
            Check.notNull(NAME, "algorithm", algorithm);
            Check.positive(NAME, "leafSize", leafSize);
        }

        public Options() {
            this(5, Weights.UNIFORM, Algorithm.AUTO, 30);
        }

        public Options nNeighbors(int v) { return new Options(v, weights, algorithm, leafSize); }
        public Options weights(Weights v) { return new Options(nNeighbors, v, algorithm, leafSize); }
        public Options algorithm(Algorithm v) { return new Options(nNeighbors, weights, v, leafSize); }
        public Options leafSize(int v) { return new Options(nNeighbors, weights, algorithm, v); }
    }

    private Labels labels;
    private int[] codes;

    public KNeighborsClassifier() {
        this(new Options());
    }

    public KNeighborsClassifier(Options options) {
        super(options);
    }

    @Override
    protected KNeighborsClassifier withOptions(Options o) {
        return new KNeighborsClassifier(o);
    }

    @Override
    Algorithm algorithmOption() {
        return options.algorithm();
    }

    @Override
    int leafSize() {
        return options.leafSize();
    }

    @Override
    int nNeighbors() {
        return options.nNeighbors();
    }

    @Override
    public KNeighborsClassifier fit(Tensor x, Tensor y) {
        Matrix m = Validation.features(name(), x);
        double[] target = Validation.target(name(), y, m.rows());
        labels = Labels.fit(name(), target, y.dtype(), 1);
        codes = labels.encode(name(), target);
        fitIndex(m);
        markFitted();
        return this;
    }

    /** Per query, the (weighted) vote share of each class, n x classes, unnormalised. */
    private double[] votes(Tensor x, String method) {
        Matrix q = queries(x, method);
        int n = q.rows(), k = options.nNeighbors(), c = labels.size();
        double[] dist = new double[n * k];
        int[] idx = new int[n * k];
        search(q, k, dist, idx);
        double[] w = voteWeights(dist, n, k, options.weights()), votes = new double[n * c];
        for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) votes[i * c + codes[idx[i * k + j]]] += w[i * k + j];
        return votes;
    }

    @Override
    public Tensor predict(Tensor x) {
        double[] v = votes(x, "predict");
        int c = labels.size(), n = v.length / c;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) for (int j = 1; j < c; j++) if (v[i * c + j] > v[i * c + out[i]]) out[i] = j;
        return labels.decode(out);
    }

    @Override
    public Tensor predictProba(Tensor x) {
        double[] v = votes(x, "predictProba");
        int c = labels.size(), n = v.length / c;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < c; j++) s += v[i * c + j];
            if (s == 0) s = 1;
            for (int j = 0; j < c; j++) v[i * c + j] /= s;
        }
        return Nabla.tensor(v, n, c);
    }

    /** sklearn's KNeighborsClassifier has no decision function; its scores are {@link #predictProba}. */
    @Override
    public Tensor decisionFunction(Tensor x) {
        throw new UnsupportedOperationException(name() + " has no decisionFunction (as in sklearn); use predictProba");
    }

    @Override
    public Tensor classes() {
        requireFitted("classes");
        return labels.asTensor();
    }

    @Override
    protected void saveState(State out) {
        super.saveState(out);
        out.put("labels", labels).put("codes", codes);
    }

    @Override
    protected void loadState(State in) {
        super.loadState(in);
        labels = in.get("labels", Labels.class);
        codes = in.ints("codes");
    }
}
