package dev.nabla.ml.neighbors;

/**
 * How neighbours are searched. AUTO follows sklearn: brute force when there are more than 15 features or
 * k >= n_samples / 2 (trees stop pruning there), otherwise a KD-tree.
 */
public enum Algorithm {
    AUTO, BRUTE, KD_TREE;

    Algorithm resolve(int nSamples, int nFeatures, int k) {
        if (this != AUTO) return this;
        return nFeatures > 15 || k >= nSamples / 2 ? BRUTE : KD_TREE;
    }
}
