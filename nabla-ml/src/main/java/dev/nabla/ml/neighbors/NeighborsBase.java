package dev.nabla.ml.neighbors;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Validation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shared half of the neighbour estimators: keeps the training rows, builds the search structure the
 * algorithm option picks, and answers k-nearest and radius queries (Euclidean distance).
 */
abstract class NeighborsBase<E extends NeighborsBase<E, O>, O extends Record> extends BaseEstimator<E, O> {
    protected Matrix train;
    private NeighborSearch search;
    private Algorithm algorithm;

    NeighborsBase(O options) {
        super(options);
    }

    abstract Algorithm algorithmOption();

    abstract int leafSize();

    /** The k used when none is given. */
    abstract int nNeighbors();

    void fitIndex(Matrix m) {
        train = m;
        algorithm = algorithmOption().resolve(m.rows(), m.cols(), nNeighbors());
        search = algorithm == Algorithm.KD_TREE ? new KdTree(m, leafSize()) : new BruteForce(m);
    }

    /** The algorithm fit chose (AUTO resolved). */
    public Algorithm fittedAlgorithm() {
        requireFitted("fittedAlgorithm");
        return algorithm;
    }

    Matrix queries(Tensor x, String method) {
        requireFitted(method);
        Matrix m = Validation.featuresReadOnly(name(), x); // queries are only read, never kept
        Validation.featureCount(name(), m, train.cols());
        return m;
    }

    /** The nNeighbors nearest training rows of each row of x. */
    public Neighbors kneighbors(Tensor x) {
        return kneighbors(x, nNeighbors());
    }

    public Neighbors kneighbors(Tensor x, int k) {
        Matrix q = queries(x, "kneighbors");
        double[] dist = new double[q.rows() * k];
        int[] idx = new int[q.rows() * k];
        search(q, k, dist, idx);
        return new Neighbors(Nabla.tensor(dist, q.rows(), k), Nabla.tensor(Arrays.stream(idx).asLongStream().toArray(), q.rows(), k));
    }

    void search(Matrix q, int k, double[] dist, int[] idx) {
        if (k < 1 || k > train.rows())
            throw new IllegalArgumentException(name() + ": k must be in [1, n_samples_fit = " + train.rows() + "], got " + k);
        search.kneighbors(q, k, dist, idx);
    }

    /** Training rows at distance <= radius of each row of x, nearest first. */
    public RadiusNeighbors radiusNeighbors(Tensor x, double radius) {
        if (!(radius >= 0) || Double.isInfinite(radius)) throw new IllegalArgumentException(name() + ": radius must be finite and >= 0, got " + radius);
        Matrix q = queries(x, "radiusNeighbors");
        int[][] found = search.withinRadius(q, radius);
        List<Tensor> distances = new ArrayList<>(), indices = new ArrayList<>();
        for (int i = 0; i < found.length; i++) {
            int m = found[i].length;
            double[] dist = new double[m];
            int[] idx = new int[m];
            NeighborSearch.sortInto(q, i, train, found[i], m, dist, idx, 0);
            distances.add(Nabla.tensor(dist, m));
            indices.add(Nabla.tensor(Arrays.stream(idx).asLongStream().toArray(), m));
        }
        return new RadiusNeighbors(distances, indices);
    }

    /**
     * Each neighbour's vote weight, n x k: 1 (uniform) or 1/distance; as sklearn, a query with neighbours at
     * distance 0 gives those weight 1 and the rest 0.
     */
    static double[] voteWeights(double[] dist, int n, int k, Weights weights) {
        double[] w = new double[n * k];
        if (weights == Weights.UNIFORM) {
            Arrays.fill(w, 1);
            return w;
        }
        for (int i = 0; i < n; i++) {
            boolean exact = false;
            for (int j = 0; j < k; j++) exact |= dist[i * k + j] == 0;
            for (int j = 0; j < k; j++) {
                double d = dist[i * k + j];
                w[i * k + j] = exact ? (d == 0 ? 1 : 0) : 1 / d;
            }
        }
        return w;
    }

    @Override
    protected void saveState(State out) {
        double[][] rows = new double[train.rows()][];
        for (int i = 0; i < rows.length; i++) rows[i] = Arrays.copyOfRange(train.data(), i * train.cols(), (i + 1) * train.cols());
        out.put("x", rows);
    }

    @Override
    protected void loadState(State in) {
        double[][] rows = in.matrix("x");
        int d = rows[0].length;
        double[] data = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, data, i * d, d);
        fitIndex(new Matrix(data, rows.length, d));
    }
}
