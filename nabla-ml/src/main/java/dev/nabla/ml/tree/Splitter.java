package dev.nabla.ml.tree;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Finds the best split of a node over up to maxFeatures features drawn at random without replacement
 * (sklearn's BestSplitter and, with random thresholds, RandomSplitter for extra trees), then partitions
 * the node's sample indices in place. X itself is never copied: a feature's values are gathered into
 * packed (value, sample) longs and sorted as primitives.
 */
final class Splitter {
    /** Values closer than this are one value, as in sklearn (float32 arithmetic). */
    private static final float FEATURE_THRESHOLD = 1e-7f;

    private final Columns x;
    private final SplitCriterion criterion;
    private final int maxFeatures, minSamplesLeaf;
    private final boolean randomThresholds;
    private final SplittableRandom rng;
    private final int[] features;
    private final long[] keys;

    // the best split of the last find()
    int feature, position;
    double threshold;
    private double bestProxy;

    Splitter(Columns x, SplitCriterion criterion, int maxFeatures, int minSamplesLeaf, boolean randomThresholds, SplittableRandom rng) {
        this.x = x;
        this.criterion = criterion;
        this.maxFeatures = maxFeatures;
        this.minSamplesLeaf = minSamplesLeaf;
        this.randomThresholds = randomThresholds;
        this.rng = rng;
        this.features = new int[x.cols()];
        for (int j = 0; j < features.length; j++) features[j] = j;
        this.keys = randomThresholds ? null : new long[x.rows()];
    }

    /**
     * Looks for a split of samples[start, end) whose criterion is already initialised on that node. On
     * success the samples are partitioned (left part first) and feature/threshold/position describe it.
     * Like sklearn, keeps drawing features past maxFeatures while every one drawn was constant.
     */
    boolean find(int[] samples, int start, int end) {
        feature = -1;
        bestProxy = Double.NEGATIVE_INFINITY;
        int d = features.length, visited = 0, constant = 0;
        for (int v = 0; v < d && (visited < maxFeatures || visited == constant); v++) {
            int j = v + rng.nextInt(d - v), f = features[j];
            features[j] = features[v];
            features[v] = f;
            visited++;
            boolean varies = randomThresholds ? tryRandom(f, samples, start, end) : trySorted(f, samples, start, end);
            if (!varies) constant++;
        }
        if (feature < 0) return false;
        partition(samples, start, end, feature, threshold);
        return true;
    }

    /** Sweeps every threshold between distinct sorted values; false when the feature is constant here. */
    private boolean trySorted(int f, int[] samples, int start, int end) {
        float[] col = x.values();
        int off = f * x.rows();
        for (int p = start; p < end; p++) keys[p] = key(col[off + samples[p]], samples[p]);
        Arrays.sort(keys, start, end);
        if (value(keys[end - 1]) <= value(keys[start]) + FEATURE_THRESHOLD) return false;
        criterion.reset();
        int p = start;
        while (p < end) {
            float prev = value(keys[p]);
            criterion.moveLeft((int) keys[p++]);
            while (p < end && value(keys[p]) <= prev + FEATURE_THRESHOLD) {
                prev = value(keys[p]);
                criterion.moveLeft((int) keys[p++]);
            }
            if (p >= end || end - p < minSamplesLeaf) break;
            if (p - start < minSamplesLeaf) continue;
            double proxy = criterion.proxyImprovement();
            if (proxy > bestProxy) {
                float next = value(keys[p]);
                double t = prev / 2.0 + next / 2.0;
                bestProxy = proxy;
                feature = f;
                position = p;
                threshold = t == next || Double.isInfinite(t) ? prev : t;
            }
        }
        return true;
    }

    /** One uniform threshold between the node's min and max (extra trees). */
    private boolean tryRandom(int f, int[] samples, int start, int end) {
        float[] col = x.values();
        int off = f * x.rows();
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (int p = start; p < end; p++) {
            float v = col[off + samples[p]];
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (hi <= lo + FEATURE_THRESHOLD) return false;
        double t = lo + (hi - (double) lo) * rng.nextDouble();
        if (t == hi) t = lo;
        int pos = partition(samples, start, end, f, t);
        if (pos - start < minSamplesLeaf || end - pos < minSamplesLeaf) return true;
        criterion.reset();
        for (int p = start; p < pos; p++) criterion.moveLeft(samples[p]);
        double proxy = criterion.proxyImprovement();
        if (proxy > bestProxy) {
            bestProxy = proxy;
            feature = f;
            position = pos;
            threshold = t;
        }
        return true;
    }

    /** Moves samples with x[f] <= t to the front; returns the first index of the right part. */
    private int partition(int[] samples, int start, int end, int f, double t) {
        float[] col = x.values();
        int off = f * x.rows(), i = start, j = end - 1;
        while (i <= j) {
            if (col[off + samples[i]] <= t) i++;
            else {
                int s = samples[i];
                samples[i] = samples[j];
                samples[j--] = s;
            }
        }
        return i;
    }

    /** A float's bits made to sort like the float as a signed int, above a non-negative sample index. */
    private static long key(float v, int sample) {
        int b = Float.floatToRawIntBits(v);
        b ^= (b >> 31) & 0x7fffffff;
        return ((long) b << 32) | sample;
    }

    private static float value(long key) {
        int b = (int) (key >> 32);
        return Float.intBitsToFloat(b ^ ((b >> 31) & 0x7fffffff));
    }
}
