package dev.nabla.ml.tree;

import dev.nabla.ml.Check;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one tree depth-first (sklearn's DepthFirstTreeBuilder): a node is a leaf when it is too deep,
 * too small to split, pure, or no split satisfies minSamplesLeaf. Samples live in one index array that
 * each split partitions in place, so memory is O(n) per tree whatever its depth.
 */
public final class TreeBuilder {
    /** How trees grow; maxFeatures is already resolved to a count. */
    public record Growth(Criterion criterion, int maxDepth, int minSamplesSplit, int minSamplesLeaf, int maxFeatures, boolean randomThresholds) {
        /** From user-facing options: a null maxDepth means unlimited. */
        public static Growth of(String owner, Criterion criterion, Integer maxDepth, int minSamplesSplit, int minSamplesLeaf,
                                MaxFeatures maxFeatures, int nFeatures, boolean randomThresholds) {
            return new Growth(criterion, maxDepth == null ? Integer.MAX_VALUE : maxDepth, minSamplesSplit, minSamplesLeaf,
                    maxFeatures.resolve(owner, nFeatures), randomThresholds);
        }

        /** The checks every tree-based Options record runs on its shared hyper-parameters. */
        public static void check(String owner, Criterion criterion, boolean classification, Integer maxDepth, int minSamplesSplit,
                                 int minSamplesLeaf, MaxFeatures maxFeatures) {
            Check.notNull(owner, "criterion", criterion).requireFor(owner, classification);
            if (maxDepth != null) Check.positive(owner, "maxDepth", maxDepth);
            if (minSamplesSplit < 2) throw new IllegalArgumentException(owner + ": minSamplesSplit must be an integer >= 2, got " + minSamplesSplit);
            Check.positive(owner, "minSamplesLeaf", minSamplesLeaf);
            Check.notNull(owner, "maxFeatures", maxFeatures);
        }
    }

    private static final double EPSILON = Math.ulp(1.0);

    private TreeBuilder() {}

    /** Classification: codes in [0, nClasses); weights null means all ones, samples lists the rows to use. */
    public static Tree classification(Columns x, int[] codes, int nClasses, double[] weights, int[] samples, Growth g, long seed) {
        return build(x, SplitCriterion.create(g.criterion(), codes, nClasses, null, weights), samples, g, seed);
    }

    public static Tree regression(Columns x, double[] y, double[] weights, int[] samples, Growth g, long seed) {
        return build(x, SplitCriterion.create(g.criterion(), null, 0, y, weights), samples, g, seed);
    }

    private static Tree build(Columns x, SplitCriterion criterion, int[] samples, Growth g, long seed) {
        Splitter splitter = new Splitter(x, criterion, g.maxFeatures(), g.minSamplesLeaf(), g.randomThresholds(), new SplittableRandom(seed));
        Nodes nodes = new Nodes(criterion.outputs());
        // stack frames: start, end, depth, parent, isLeft
        int[] stack = new int[5 * 64];
        int top = 0;
        stack = push(stack, top++, 0, samples.length, 0, -1, 0);
        while (top > 0) {
            int f = 5 * --top;
            int start = stack[f], end = stack[f + 1], depth = stack[f + 2], parent = stack[f + 3];
            boolean isLeft = stack[f + 4] == 1;
            int n = end - start;
            criterion.init(samples, start, end);
            double impurity = criterion.nodeImpurity();
            boolean leaf = depth >= g.maxDepth() || n < g.minSamplesSplit() || n < 2 * g.minSamplesLeaf() || impurity <= EPSILON
                    || !splitter.find(samples, start, end);
            int id = nodes.add(parent, isLeft, leaf ? -2 : splitter.feature, leaf ? -2 : splitter.threshold, impurity, n, criterion);
            if (!leaf) {
                int pos = splitter.position;
                stack = push(stack, top++, pos, end, depth + 1, id, 0);
                stack = push(stack, top++, start, pos, depth + 1, id, 1);
            }
        }
        return nodes.toTree();
    }

    private static int[] push(int[] stack, int at, int start, int end, int depth, int parent, int isLeft) {
        if (5 * at + 5 > stack.length) stack = Arrays.copyOf(stack, stack.length * 2);
        int f = 5 * at;
        stack[f] = start;
        stack[f + 1] = end;
        stack[f + 2] = depth;
        stack[f + 3] = parent;
        stack[f + 4] = isLeft;
        return stack;
    }

    /** Growable node arrays, trimmed into a {@link Tree} at the end. */
    private static final class Nodes {
        private final int outputs;
        private int size;
        private int[] left = new int[64], right = new int[64], feature = new int[64], samples = new int[64];
        private double[] threshold = new double[64], impurity = new double[64], weighted = new double[64], value;

        Nodes(int outputs) {
            this.outputs = outputs;
            value = new double[64 * outputs];
        }

        int add(int parent, boolean isLeft, int f, double t, double imp, int n, SplitCriterion c) {
            if (size == left.length) grow();
            int id = size++;
            left[id] = right[id] = Tree.LEAF;
            feature[id] = f;
            threshold[id] = t;
            impurity[id] = imp;
            samples[id] = n;
            weighted[id] = c.weightedTotal;
            c.nodeValue(value, id * outputs);
            if (parent >= 0) {
                if (isLeft) left[parent] = id;
                else right[parent] = id;
            }
            return id;
        }

        private void grow() {
            int cap = left.length * 2;
            left = Arrays.copyOf(left, cap);
            right = Arrays.copyOf(right, cap);
            feature = Arrays.copyOf(feature, cap);
            samples = Arrays.copyOf(samples, cap);
            threshold = Arrays.copyOf(threshold, cap);
            impurity = Arrays.copyOf(impurity, cap);
            weighted = Arrays.copyOf(weighted, cap);
            value = Arrays.copyOf(value, cap * outputs);
        }

        Tree toTree() {
            return new Tree(Arrays.copyOf(left, size), Arrays.copyOf(right, size), Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size),
                    Arrays.copyOf(value, size * outputs), outputs, Arrays.copyOf(impurity, size), Arrays.copyOf(samples, size), Arrays.copyOf(weighted, size));
        }
    }
}
