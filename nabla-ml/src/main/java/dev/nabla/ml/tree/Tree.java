package dev.nabla.ml.tree;

/**
 * A fitted binary tree as flat arrays indexed by node id (sklearn's Tree): node 0 is the root, ids run
 * depth-first with the left child first, a leaf has left = right = -1. value holds {@code outputs}
 * numbers per node: weighted class counts for classification, the mean for regression.
 */
public record Tree(int[] left, int[] right, int[] feature, double[] threshold, double[] value, int outputs,
                   double[] impurity, int[] nodeSamples, double[] weightedNodeSamples) {
    public static final int LEAF = -1;

    public int nodeCount() {
        return left.length;
    }

    /** The leaf a row reaches; the row is cast to float32 first, as sklearn does. */
    public int apply(double[] data, int offset) {
        int node = 0;
        while (left[node] != LEAF) node = (float) data[offset + feature[node]] <= threshold[node] ? left[node] : right[node];
        return node;
    }

    public int maxDepth() {
        int[] depth = new int[nodeCount()];
        int max = 0;
        for (int node = 0; node < depth.length; node++) {
            max = Math.max(max, depth[node]);
            if (left[node] != LEAF) depth[left[node]] = depth[right[node]] = depth[node] + 1;
        }
        return max;
    }

    public int leafCount() {
        int n = 0;
        for (int l : left) if (l == LEAF) n++;
        return n;
    }

    /** Mean decrease in impurity per feature, normalised to sum to 1 (all zero for a single leaf). */
    public double[] featureImportances(int nFeatures) {
        double[] imp = new double[nFeatures];
        for (int node = 0; node < nodeCount(); node++) {
            if (left[node] == LEAF) continue;
            int l = left[node], r = right[node];
            imp[feature[node]] += weightedNodeSamples[node] * impurity[node]
                    - weightedNodeSamples[l] * impurity[l] - weightedNodeSamples[r] * impurity[r];
        }
        double total = 0;
        for (double v : imp) total += v;
        if (total > 0) for (int j = 0; j < nFeatures; j++) imp[j] /= total;
        return imp;
    }
}
