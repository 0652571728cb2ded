package dev.nabla.ml.preprocessing;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Check;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Transformer;
import dev.nabla.ml.Validation;
import dev.nabla.ml.cluster.KMeans;
import java.util.Arrays;

/**
 * Bins each feature into intervals, sklearn 1.2's KBinsDiscretizer: edges from equal widths (UNIFORM), the
 * training percentiles (QUANTILE, NumPy's linear interpolation, every row used as sklearn 1.2's
 * {@code subsample='warn'} does) or the midpoints between sorted 1-D k-means centers started from the
 * uniform bin centers (KMEANS). For QUANTILE and KMEANS, bins no wider than 1e-8 are dropped, so a feature
 * may end with fewer bins ({@link #nBins()}); a constant feature gets one bin. A value's bin is the number
 * of inner edges at or below it (values outside the training range go to the first or last bin). Encoded
 * as the bin index (ORDINAL) or as dense one-hot columns, feature by feature (ONEHOT_DENSE, sklearn's
 * {@code 'onehot-dense'}; sklearn's default sparse {@code 'onehot'} has no sparse counterpart here).
 */
public final class KBinsDiscretizer extends BaseEstimator<KBinsDiscretizer, KBinsDiscretizer.Options> implements Transformer {
    public enum Strategy { UNIFORM, QUANTILE, KMEANS }

    public enum Encode { ORDINAL, ONEHOT_DENSE }

    /** @param nBins bins per feature (at least 2), the same for every feature */
    public record Options(int nBins, Encode encode, Strategy strategy) {
        public Options {
            if (nBins < 2) throw new IllegalArgumentException("KBinsDiscretizer: nBins must be at least 2, got " + nBins);
            Check.notNull("KBinsDiscretizer", "encode", encode);
            Check.notNull("KBinsDiscretizer", "strategy", strategy);
        }

        /** sklearn's defaults (5 bins, quantile), dense one-hot for sklearn's sparse default. */
        public Options() {
            this(5, Encode.ONEHOT_DENSE, Strategy.QUANTILE);
        }

        public Options nBins(int v) {
            return new Options(v, encode, strategy);
        }

        public Options encode(Encode v) {
            return new Options(nBins, v, strategy);
        }

        public Options strategy(Strategy v) {
            return new Options(nBins, encode, v);
        }
    }

    private double[][] edges; // per feature: nBins + 1 edges

    public KBinsDiscretizer() {
        this(new Options());
    }

    public KBinsDiscretizer(Options options) {
        super(options);
    }

    @Override
    protected KBinsDiscretizer withOptions(Options o) {
        return new KBinsDiscretizer(o);
    }

    @Override
    public KBinsDiscretizer fit(Tensor x) {
        Matrix m = Validation.features(name(), x);
        int d = m.cols();
        edges = new double[d][];
        for (int j = 0; j < d; j++) edges[j] = featureEdges(m.column(j), options.nBins(), options.strategy());
        markFitted();
        return this;
    }

    static double[] featureEdges(double[] column, int k, Strategy strategy) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : column) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lo == hi) return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] e = switch (strategy) {
            case UNIFORM -> linspace(lo, hi, k + 1);
            case QUANTILE -> {
                double[] sorted = column.clone();
                Arrays.sort(sorted);
                double[] q = linspace(0, 100, k + 1), out = new double[k + 1];
                for (int b = 0; b <= k; b++) out[b] = Quantiles.sortedPercentile(sorted, q[b]);
                yield out;
            }
            case KMEANS -> {
                double[] uniform = linspace(lo, hi, k + 1);
                double[][] init = new double[k][1];
                for (int b = 0; b < k; b++) init[b][0] = (uniform[b + 1] + uniform[b]) * 0.5;
                KMeans km = new KMeans(new KMeans.Options().nClusters(k).initCenters(init)).fit(Nabla.tensor(column, column.length, 1));
                double[] centers = km.clusterCenters().toDoubleArray();
                Arrays.sort(centers);
                double[] out = new double[k + 1];
                out[0] = lo;
                out[k] = hi;
                for (int b = 1; b < k; b++) out[b] = (centers[b] + centers[b - 1]) * 0.5;
                yield out;
            }
        };
        if (strategy == Strategy.UNIFORM) return e;
        double[] kept = new double[e.length];
        int n = 0;
        for (int b = 0; b < e.length; b++) if (b == 0 || e[b] - e[b - 1] > 1e-8) kept[n++] = e[b];
        return Arrays.copyOf(kept, n);
    }

    /** NumPy's linspace: start + i·step, the last value exactly stop. */
    private static double[] linspace(double start, double stop, int num) {
        double[] out = new double[num];
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) out[i] = i * step + start;
        out[num - 1] = stop;
        return out;
    }

    /** The bin of v: how many of the inner edges (all but the first and last) are at or below v. */
    private static int bin(double[] e, double v) {
        int lo = 1, hi = e.length - 1; // search edges[1 .. length-2]
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (e[mid] <= v) lo = mid + 1;
            else hi = mid;
        }
        return lo - 1;
    }

    @Override
    public Tensor transform(Tensor x) {
        requireFitted("transform");
        Matrix m = Validation.features(name(), x);
        Validation.featureCount(name(), m, edges.length);
        int n = m.rows(), d = m.cols();
        double[] a = m.data();
        if (options.encode() == Encode.ORDINAL) {
            double[] out = new double[n * d];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < d; j++) out[i * d + j] = bin(edges[j], a[i * d + j]);
            return new Matrix(out, n, d).toTensor(x.dtype());
        }
        int[] offsets = offsets();
        int width = offsets[d];
        double[] out = new double[n * width];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) out[i * width + offsets[j] + bin(edges[j], a[i * d + j])] = 1;
        return new Matrix(out, n, width).toTensor(x.dtype());
    }

    /** Each bin's center ((left + right) / 2) for bin indices (ORDINAL) or one-hot rows (ONEHOT_DENSE, argmax of each block). */
    @Override
    public Tensor inverseTransform(Tensor x) {
        requireFitted("inverseTransform");
        Matrix m = Validation.features(name(), x);
        int d = edges.length, n = m.rows();
        int[] offsets = offsets();
        int expected = options.encode() == Encode.ORDINAL ? d : offsets[d];
        Validation.featureCount(name(), m, expected);
        double[] a = m.data(), out = new double[n * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) {
                int b;
                if (options.encode() == Encode.ORDINAL) b = (int) a[i * d + j];
                else {
                    b = 0;
                    for (int c = 1; c < edges[j].length - 1; c++)
                        if (a[i * expected + offsets[j] + c] > a[i * expected + offsets[j] + b]) b = c;
                }
                if (b < 0 || b >= edges[j].length - 1)
                    throw new IllegalArgumentException(name() + ": bin " + b + " out of range for feature " + j);
                out[i * d + j] = (edges[j][b] + edges[j][b + 1]) * 0.5;
            }
        return new Matrix(out, n, d).toTensor(x.dtype());
    }

    private int[] offsets() {
        int[] off = new int[edges.length + 1];
        for (int j = 0; j < edges.length; j++) off[j + 1] = off[j] + edges[j].length - 1;
        return off;
    }

    /** The bins of each feature after narrow bins were dropped (sklearn's n_bins_). */
    public int[] nBins() {
        requireFitted("nBins");
        int[] k = new int[edges.length];
        for (int j = 0; j < k.length; j++) k[j] = edges[j].length - 1;
        return k;
    }

    /** The edges of feature j's bins, nBins()[j] + 1 of them (sklearn's bin_edges_[j]). */
    public Tensor binEdges(int j) {
        requireFitted("binEdges");
        return Nabla.tensor(edges[j].clone(), edges[j].length);
    }

    @Override
    protected void saveState(State out) {
        int[] counts = new int[edges.length];
        for (int j = 0; j < edges.length; j++) counts[j] = edges[j].length;
        out.put("edgeCounts", counts).put("edges", Arrays.stream(edges).flatMapToDouble(Arrays::stream).toArray());
    }

    @Override
    protected void loadState(State in) {
        int[] counts = in.ints("edgeCounts");
        double[] flat = in.doubles("edges");
        edges = new double[counts.length][];
        for (int j = 0, at = 0; j < counts.length; at += counts[j], j++) edges[j] = Arrays.copyOfRange(flat, at, at + counts[j]);
    }
}
