package dev.nabla.ml.cluster;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Check;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Validation;

/**
 * Bottom-up hierarchical clustering (sklearn.cluster.AgglomerativeClustering), Euclidean metric, no
 * connectivity constraint: the full merge tree is built, then cut into nClusters clusters, or where
 * merges reach distanceThreshold. O(n²) memory for the pairwise distances.
 */
public final class AgglomerativeClustering extends BaseEstimator<AgglomerativeClustering, AgglomerativeClustering.Options> implements Clusterer {
    public enum LinkageType { WARD, COMPLETE, AVERAGE, SINGLE }

    /** Exactly one of nClusters and distanceThreshold is set. */
    public record Options(Integer nClusters, Double distanceThreshold, LinkageType linkage) {
        public Options {
            if ((nClusters == null) == (distanceThreshold == null))
                throw new IllegalArgumentException("AgglomerativeClustering: set exactly one of nClusters and distanceThreshold, got "
                        + nClusters + " and " + distanceThreshold);
            if (nClusters != null) Check.positive("AgglomerativeClustering", "nClusters", nClusters);
            if (distanceThreshold != null) Check.nonNegative("AgglomerativeClustering", "distanceThreshold", distanceThreshold);
            Check.notNull("AgglomerativeClustering", "linkage", linkage);
        }

        /** sklearn's defaults: 2 clusters, ward linkage. */
        public Options() {
            this(2, null, LinkageType.WARD);
        }

        public Options nClusters(int v) { return new Options(v, null, linkage); }
        /** Cut where merge distances reach v instead of at a fixed cluster count. */
        public Options distanceThreshold(double v) { return new Options(null, v, linkage); }
        public Options linkage(LinkageType v) { return new Options(nClusters, distanceThreshold, v); }
    }

    private int[] labels;
    private int[][] children;
    private double[] distances;
    private int nClusters;

    public AgglomerativeClustering() {
        this(new Options());
    }

    public AgglomerativeClustering(Options options) {
        super(options);
    }

    @Override
    protected AgglomerativeClustering withOptions(Options o) {
        return new AgglomerativeClustering(o);
    }

    @Override
    public AgglomerativeClustering fit(Tensor x) {
        Matrix m = Validation.features(name(), x);
        int n = m.rows();
        if (n < 2) throw new IllegalArgumentException(name() + ": needs at least 2 samples, got " + n);
        if (options.nClusters() != null && options.nClusters() > n)
            throw new IllegalArgumentException(name() + ": nClusters=" + options.nClusters() + " must be <= n_samples=" + n);
        Linkage.Tree tree = Linkage.build(m, Linkage.Method.valueOf(options.linkage().name()));
        children = tree.children();
        distances = tree.distances();
        if (options.nClusters() != null) nClusters = options.nClusters();
        else {
            nClusters = 1;
            for (double d : distances) if (d >= options.distanceThreshold()) nClusters++;
        }
        labels = TreeCut.labels(children, n, nClusters);
        markFitted();
        return this;
    }

    @Override
    public Tensor labels() {
        requireFitted("labels");
        return Seeds.labels(labels);
    }

    /** The merges, (n − 1) x 2 int64: row i joins two nodes into node n + i; nodes below n are samples. */
    public Tensor children() {
        requireFitted("children");
        long[] flat = new long[children.length * 2];
        for (int i = 0; i < children.length; i++) {
            flat[2 * i] = children[i][0];
            flat[2 * i + 1] = children[i][1];
        }
        return Nabla.tensor(flat, children.length, 2);
    }

    /** The height of each merge (for ward, the Ward distance as scipy defines it). */
    public Tensor distances() {
        requireFitted("distances");
        return Nabla.tensor(distances, distances.length);
    }

    public int nClusters() {
        requireFitted("nClusters");
        return nClusters;
    }

    @Override
    protected void saveState(State out) {
        out.put("labels", labels).put("children", children).put("distances", distances).put("nClusters", nClusters);
    }

    @Override
    protected void loadState(State in) {
        labels = in.ints("labels");
        children = in.get("children", int[][].class);
        distances = in.doubles("distances");
        nClusters = in.integer("nClusters");
    }
}
