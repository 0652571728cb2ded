package dev.nabla.ml.ensemble;

import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.tree.Tree;
import dev.nabla.ml.tree.TreeBuilder;
import dev.nabla.ml.tree.TreePredictions;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Grows a forest's trees on all worker threads. Tree t draws everything (bootstrap sample, feature
 * order, thresholds) from its own generator seeded by (seed, t), so the forest is the same whatever
 * the thread count or the order trees finish in.
 */
final class Forest {
    /** Grows one tree on the given per-sample weights (null = all ones) and rows. */
    @FunctionalInterface
    interface TreeGrower {
        Tree grow(double[] weights, int[] samples, long seed);
    }

    /** The fitted trees and, when asked for, which rows each tree saw (bit i of inBag[t]). */
    record Grown(Tree[] trees, long[][] inBag) {}

    private Forest() {}

    static Grown grow(int nSamples, int nTrees, boolean bootstrap, boolean keepInBag, double[] baseWeights, long seed, TreeGrower grower) {
        Tree[] trees = new Tree[nTrees];
        long[][] inBag = keepInBag ? new long[nTrees][] : null;
        AtomicInteger next = new AtomicInteger();
        // each worker pulls the next tree index: trees differ in size, so static chunks would leave a thread idle
        Parallel.forRange(Math.min(nTrees, Parallel.threads()), 1, (s, e) -> {
            for (int t; (t = next.getAndIncrement()) < nTrees; ) {
                SplittableRandom rng = new SplittableRandom(treeSeed(seed, t));
                double[] w = baseWeights;
                if (bootstrap) {
                    w = new double[nSamples];
                    for (int i = 0; i < nSamples; i++) w[rng.nextInt(nSamples)]++;
                    if (baseWeights != null) for (int i = 0; i < nSamples; i++) w[i] *= baseWeights[i];
                    if (keepInBag) inBag[t] = inBagBits(w);
                }
                trees[t] = grower.grow(w, TreePredictions.allSamples(nSamples, w), rng.nextLong());
            }
        });
        return new Grown(trees, inBag);
    }

    /** SplitMix64 of (seed, t): well-spread, independent streams per tree. */
    static long treeSeed(long seed, int t) {
        long z = seed + (t + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long[] inBagBits(double[] w) {
        long[] bits = new long[(w.length + 63) >>> 6];
        for (int i = 0; i < w.length; i++) if (w[i] != 0) bits[i >>> 6] |= 1L << i;
        return bits;
    }

    static boolean inBag(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    static TreeBuilder.Growth growth(String owner, ForestOptions o, int nFeatures, boolean randomThresholds) {
        return TreeBuilder.Growth.of(owner, o.criterion(), o.maxDepth(), o.minSamplesSplit(), o.minSamplesLeaf(), o.maxFeatures(), nFeatures, randomThresholds);
    }

    /** Mean class probabilities of the trees, n x k row-major; rows in parallel, trees summed in index order. */
    static double[] proba(Tree[] trees, Matrix m, int k) {
        double[] p = new double[m.rows() * k];
        double scale = 1.0 / trees.length;
        Parallel.forRange(m.rows(), 256, (s, e) -> {
            for (Tree tree : trees)
                for (int i = s; i < e; i++) TreePredictions.addProba(tree, m.data(), i * m.cols(), p, i * k, scale);
        });
        return p;
    }

    /**
     * Out-of-bag predictions: for each row, the mean over trees that did not see it of their output
     * (k probabilities or one value); rows no tree left out get zeros, as in sklearn.
     */
    static double[] outOfBag(Grown g, Matrix m, int k, boolean classification) {
        double[] out = new double[m.rows() * k];
        Parallel.forRange(m.rows(), 256, (s, e) -> {
            int[] count = new int[e - s];
            for (int t = 0; t < g.trees().length; t++) {
                Tree tree = g.trees()[t];
                for (int i = s; i < e; i++) {
                    if (inBag(g.inBag()[t], i)) continue;
                    count[i - s]++;
                    if (classification) TreePredictions.addProba(tree, m.data(), i * m.cols(), out, i * k, 1);
                    else out[i] += tree.value()[tree.apply(m.data(), i * m.cols())];
                }
            }
            for (int i = s; i < e; i++)
                for (int c = 0; c < k; c++) out[i * k + c] /= Math.max(1, count[i - s]);
        });
        return out;
    }

    static double[] regression(Tree[] trees, Matrix m) {
        double[] out = new double[m.rows()];
        Parallel.forRange(m.rows(), 256, (s, e) -> {
            for (Tree tree : trees)
                for (int i = s; i < e; i++) out[i] += tree.value()[tree.apply(m.data(), i * m.cols())];
            for (int i = s; i < e; i++) out[i] /= trees.length;
        });
        return out;
    }

    /** sklearn's forest importances: the mean of the trees' normalised importances (single-leaf trees left out), renormalised. */
    static double[] importances(Tree[] trees, int nFeatures) {
        double[] imp = new double[nFeatures];
        int used = 0;
        for (Tree t : trees) {
            if (t.nodeCount() <= 1) continue;
            double[] ti = t.featureImportances(nFeatures);
            for (int j = 0; j < nFeatures; j++) imp[j] += ti[j];
            used++;
        }
        double total = 0;
        for (int j = 0; j < nFeatures; j++) total += imp[j] /= Math.max(1, used);
        if (total > 0) for (int j = 0; j < nFeatures; j++) imp[j] /= total;
        return imp;
    }
}
