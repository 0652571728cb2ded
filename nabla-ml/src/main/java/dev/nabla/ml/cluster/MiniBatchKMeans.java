package dev.nabla.ml.cluster;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Check;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Validation;
import java.util.HashMap;

/**
 * k-means on random mini-batches (sklearn.cluster.MiniBatchKMeans): each step assigns a batch to the
 * nearest centers and moves every center to the running mean of all samples it has been given.
 * Starts from the best of nInit k-means++ seedings of a random subsample (judged on another
 * subsample); clusters that attract too few samples are re-seeded on batch samples; stops after
 * maxIter passes' worth of batches or when the smoothed batch inertia stops improving.
 */
public final class MiniBatchKMeans extends BaseEstimator<MiniBatchKMeans, MiniBatchKMeans.Options> implements Clusterer {
    public record Options(int nClusters, int batchSize, int maxIter, int nInit, int maxNoImprovement, double reassignmentRatio, long seed) {
        public Options {
            Check.positive("MiniBatchKMeans", "nClusters", nClusters);
            Check.positive("MiniBatchKMeans", "batchSize", batchSize);
            Check.positive("MiniBatchKMeans", "maxIter", maxIter);
            Check.positive("MiniBatchKMeans", "nInit", nInit);
            Check.positive("MiniBatchKMeans", "maxNoImprovement", maxNoImprovement);
            Check.nonNegative("MiniBatchKMeans", "reassignmentRatio", reassignmentRatio);
        }

        /** sklearn 1.2's defaults: batches of 1024, 100 passes, 3 seedings, stop after 10 steps without improvement. */
        public Options() {
            this(8, 1024, 100, 3, 10, 0.01, 0);
        }

        public Options nClusters(int v) { return new Options(v, batchSize, maxIter, nInit, maxNoImprovement, reassignmentRatio, seed); }
        public Options batchSize(int v) { return new Options(nClusters, v, maxIter, nInit, maxNoImprovement, reassignmentRatio, seed); }
        public Options maxIter(int v) { return new Options(nClusters, batchSize, v, nInit, maxNoImprovement, reassignmentRatio, seed); }
        public Options nInit(int v) { return new Options(nClusters, batchSize, maxIter, v, maxNoImprovement, reassignmentRatio, seed); }
        public Options maxNoImprovement(int v) { return new Options(nClusters, batchSize, maxIter, nInit, v, reassignmentRatio, seed); }
        public Options reassignmentRatio(double v) { return new Options(nClusters, batchSize, maxIter, nInit, maxNoImprovement, v, seed); }
        public Options seed(long v) { return new Options(nClusters, batchSize, maxIter, nInit, maxNoImprovement, reassignmentRatio, v); }
    }

    private double[] centers;
    private int[] labels;
    private double inertia;
    private int nFeatures, nSteps;

    public MiniBatchKMeans() {
        this(new Options());
    }

    public MiniBatchKMeans(Options options) {
        super(options);
    }

    @Override
    protected MiniBatchKMeans withOptions(Options o) {
        return new MiniBatchKMeans(o);
    }

    @Override
    public MiniBatchKMeans fit(Tensor x) {
        Matrix m = Validation.features(name(), x);
        int n = m.rows(), d = m.cols(), k = options.nClusters();
        if (n < k) throw new IllegalArgumentException(name() + ": nClusters=" + k + " must be <= n_samples=" + n);
        Generator rng = new Generator(options.seed());
        int batch = Math.min(options.batchSize(), n);
        centers = bestSeeding(m, k, batch, rng);
        double[] weightSums = new double[k];
        int[] batchLabels = new int[batch];
        int steps = (int) Math.min(Integer.MAX_VALUE, (long) options.maxIter() * n / batch);
        double ewa = Double.NaN, ewaMin = Double.POSITIVE_INFINITY;
        int noImprovement = 0, sinceReassign = 0;
        nSteps = 0;
        for (int step = 1; step <= steps; step++) {
            nSteps = step;
            Matrix b = m.rows(sample(rng, n, batch));
            NearestCenter.Sums s = NearestCenter.assign(b, centers, k, batchLabels, true);
            double batchInertia = s.inertia() / batch;
            for (int c = 0; c < k; c++) {
                if (s.counts()[c] == 0) continue;
                double total = weightSums[c] + s.counts()[c];
                for (int j = 0; j < d; j++) centers[c * d + j] = (centers[c * d + j] * weightSums[c] + s.sums()[c * d + j]) / total;
                weightSums[c] = total;
            }
            sinceReassign += batch;
            if (options.reassignmentRatio() > 0 && (anyZero(weightSums) || sinceReassign >= 10 * k)) {
                reassign(b, weightSums, rng);
                sinceReassign = 0;
            }
            // an exponentially weighted average of batch inertia, smoothing over ~n / batch steps (sklearn's)
            if (step == 1) continue;
            double alpha = Math.min(1, batch * 2.0 / (n + 1));
            ewa = Double.isNaN(ewa) ? batchInertia : ewa * (1 - alpha) + batchInertia * alpha;
            if (ewa < ewaMin) {
                ewaMin = ewa;
                noImprovement = 0;
            } else if (++noImprovement >= options.maxNoImprovement()) break;
        }
        labels = new int[n];
        inertia = NearestCenter.assign(m, centers, k, labels, false).inertia();
        nFeatures = d;
        markFitted();
        return this;
    }

    /** The best of nInit k-means++ seedings of a 3·batch subsample, judged by inertia on another subsample. */
    private double[] bestSeeding(Matrix m, int k, int batch, Generator rng) {
        int n = m.rows(), initSize = Math.min(n, Math.max(3 * batch, k));
        Matrix validation = m.rows(sample(rng, n, initSize));
        int[] valLabels = new int[validation.rows()];
        double[] best = null;
        double bestInertia = Double.POSITIVE_INFINITY;
        for (int run = 0; run < options.nInit(); run++) {
            double[] c = KMeansPlusPlus.centers(m.rows(sample(rng, n, initSize)), k, rng);
            double in = NearestCenter.assign(validation, c, k, valLabels, false).inertia();
            if (in < bestInertia) {
                bestInertia = in;
                best = c;
            }
        }
        return best;
    }

    /** Clusters with under reassignmentRatio of the heaviest cluster's weight restart on random batch samples. */
    private void reassign(Matrix batch, double[] weightSums, Generator rng) {
        int k = weightSums.length, d = batch.cols();
        double max = 0;
        for (double w : weightSums) max = Math.max(max, w);
        double limit = options.reassignmentRatio() * max, minKept = Double.POSITIVE_INFINITY;
        int count = 0;
        for (double w : weightSums) {
            if (w < limit) count++;
            else minKept = Math.min(minKept, w);
        }
        count = Math.min(count, batch.rows() / 2);
        if (count == 0) return;
        int[] picks = sample(rng, batch.rows(), count);
        for (int c = 0, t = 0; c < k && t < count; c++) {
            if (weightSums[c] >= limit) continue;
            System.arraycopy(batch.data(), picks[t++] * d, centers, c * d, d);
            weightSums[c] = minKept;
        }
    }

    private static boolean anyZero(double[] v) {
        for (double x : v) if (x == 0) return true;
        return false;
    }

    /** count distinct indices below n, uniformly (partial Fisher-Yates). */
    private static int[] sample(Generator rng, int n, int count) {
        if (count == n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return all;
        }
        HashMap<Integer, Integer> swapped = new HashMap<>();
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(n - i);
            int vj = swapped.getOrDefault(j, j), vi = swapped.getOrDefault(i, i);
            swapped.put(j, vi);
            out[i] = vj;
        }
        return out;
    }

    /** The nearest center of each sample, int64. */
    public Tensor predict(Tensor x) {
        requireFitted("predict");
        Matrix m = Validation.features(name(), x);
        Validation.featureCount(name(), m, nFeatures);
        int[] out = new int[m.rows()];
        NearestCenter.assign(m, centers, options.nClusters(), out, false);
        return Seeds.labels(out);
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

    /** Σ squared distance of the training samples to their nearest final center. */
    public double inertia() {
        requireFitted("inertia");
        return inertia;
    }

    /** Mini-batch steps taken. */
    public int nSteps() {
        requireFitted("nSteps");
        return nSteps;
    }

    @Override
    protected void saveState(State out) {
        out.put("centers", centers).put("labels", labels).put("inertia", inertia).put("nFeatures", nFeatures).put("nSteps", nSteps);
    }

    @Override
    protected void loadState(State in) {
        centers = in.doubles("centers");
        labels = in.ints("labels");
        inertia = in.number("inertia");
        nFeatures = in.integer("nFeatures");
        nSteps = in.integer("nSteps");
    }
}
