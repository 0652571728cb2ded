package dev.nabla.ml.neighbors;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.Check;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.Regressor;
import dev.nabla.ml.State;
import dev.nabla.ml.Validation;

/** k-nearest-neighbours regression as sklearn's KNeighborsRegressor: the (weighted) mean target of the k nearest rows. */
public final class KNeighborsRegressor extends NeighborsBase<KNeighborsRegressor, KNeighborsRegressor.Options> implements Regressor {
    private static final String NAME = "KNeighborsRegressor";

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

    private double[] target;

    public KNeighborsRegressor() {
        this(new Options());
    }

    public KNeighborsRegressor(Options options) {
        super(options);
    }

    @Override
    protected KNeighborsRegressor withOptions(Options o) {
        return new KNeighborsRegressor(o);
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
    public KNeighborsRegressor fit(Tensor x, Tensor y) {
        Matrix m = Validation.features(name(), x);
        target = Validation.target(name(), y, m.rows());
        fitIndex(m);
        markFitted();
        return this;
    }

    @Override
    public Tensor predict(Tensor x) {
        Matrix q = queries(x, "predict");
        int n = q.rows(), k = options.nNeighbors();
        double[] dist = new double[n * k], out = new double[n];
        int[] idx = new int[n * k];
        search(q, k, dist, idx);
        double[] w = voteWeights(dist, n, k, options.weights());
        for (int i = 0; i < n; i++) {
            double s = 0, ws = 0;
            for (int j = 0; j < k; j++) {
                s += w[i * k + j] * target[idx[i * k + j]];
                ws += w[i * k + j];
            }
            out[i] = s / ws;
        }
        return Nabla.tensor(out, n);
    }

    @Override
    protected void saveState(State out) {
        super.saveState(out);
        out.put("y", target);
    }

    @Override
    protected void loadState(State in) {
        super.loadState(in);
        target = in.doubles("y");
    }
}
