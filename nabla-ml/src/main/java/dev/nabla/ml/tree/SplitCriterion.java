package dev.nabla.ml.tree;

/**
 * Weighted impurity statistics of one node and of the left part of a candidate split, updated one
 * sample at a time as a splitter sweeps a sorted feature (sklearn's Criterion). Everything not on the
 * left is on the right, so moving a sample is O(1) and a split is scored without touching the rest.
 */
abstract sealed class SplitCriterion permits ClassCriterion, SquaredErrorCriterion {
    final double[] weights;
    double weightedTotal, weightedLeft;

    SplitCriterion(double[] weights) {
        this.weights = weights;
    }

    static SplitCriterion create(Criterion c, int[] codes, int nClasses, double[] y, double[] weights) {
        return switch (c) {
            case GINI -> new ClassCriterion(codes, nClasses, weights, false);
            case ENTROPY, LOG_LOSS -> new ClassCriterion(codes, nClasses, weights, true);
            case SQUARED_ERROR -> new SquaredErrorCriterion(y, weights);
        };
    }

    /** Node totals of samples[start, end); the left part starts empty. */
    abstract void init(int[] samples, int start, int end);

    /** Empties the left part. */
    abstract void reset();

    /** Moves one sample from the right part to the left. */
    abstract void moveLeft(int sample);

    /** A score that orders splits like the impurity decrease does (larger is better), cheaper to compute. */
    abstract double proxyImprovement();

    abstract double nodeImpurity();

    /** Values a node stores: weighted class counts, or the weighted mean. */
    abstract int outputs();

    abstract void nodeValue(double[] dest, int offset);

    final double weight(int sample) {
        return weights == null ? 1 : weights[sample];
    }
}
