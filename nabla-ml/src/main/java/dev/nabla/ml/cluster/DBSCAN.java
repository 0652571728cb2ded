package dev.nabla.ml.cluster;

import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Check;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Validation;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Density-based clustering (sklearn.cluster.DBSCAN), Euclidean metric. A core sample has at least
 * minSamples samples (itself included) within eps; clusters are the connected core samples plus the
 * non-core samples within eps of them; everything else is noise, label -1. Clusters are numbered in
 * the order of their lowest-index core sample, and a border sample reachable from several clusters
 * joins the first, so labels equal sklearn's exactly.
 */
public final class DBSCAN extends BaseEstimator<DBSCAN, DBSCAN.Options> implements Clusterer {
    public record Options(double eps, int minSamples) {
        public Options {
            Check.positive("DBSCAN", "eps", eps);
            Check.positive("DBSCAN", "minSamples", minSamples);
        }

        public Options() {
            this(0.5, 5);
        }

        public Options eps(double v) { return new Options(v, minSamples); }
        public Options minSamples(int v) { return new Options(eps, v); }
    }

    private int[] labels, coreSampleIndices;

    public DBSCAN() {
        this(new Options());
    }

    public DBSCAN(Options options) {
        super(options);
    }

    @Override
    protected DBSCAN withOptions(Options o) {
        return new DBSCAN(o);
    }

    @Override
    public DBSCAN fit(Tensor x) {
        Matrix m = Validation.features(name(), x);
        int n = m.rows();
        int[][] neighbours = RadiusNeighbours.of(m, options.eps());
        boolean[] core = new boolean[n];
        for (int i = 0; i < n; i++) core[i] = neighbours[i].length >= options.minSamples();
        labels = new int[n];
        Arrays.fill(labels, -1);
        int next = 0;
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        for (int start = 0; start < n; start++) {
            if (labels[start] != -1 || !core[start]) continue;
            // grow the cluster from its lowest-index core sample through core samples only
            stack.push(start);
            while (!stack.isEmpty()) {
                int i = stack.pop();
                if (labels[i] != -1) continue;
                labels[i] = next;
                if (core[i]) for (int j : neighbours[i]) if (labels[j] == -1) stack.push(j);
            }
            next++;
        }
        coreSampleIndices = IntStream.range(0, n).filter(i -> core[i]).toArray();
        markFitted();
        return this;
    }

    @Override
    public Tensor labels() {
        requireFitted("labels");
        return Seeds.labels(labels);
    }

    /** Indices of the core samples, ascending, int64. */
    public Tensor coreSampleIndices() {
        requireFitted("coreSampleIndices");
        return Seeds.labels(coreSampleIndices);
    }

    @Override
    protected void saveState(State out) {
        out.put("labels", labels).put("coreSampleIndices", coreSampleIndices);
    }

    @Override
    protected void loadState(State in) {
        labels = in.ints("labels");
        coreSampleIndices = in.ints("coreSampleIndices");
    }
}
