/**
 * sklearn.decomposition: {@link dev.nabla.ml.decomposition.PCA} (full or randomized SVD) and
 * {@link dev.nabla.ml.decomposition.TruncatedSVD}. Signs follow sklearn's svd_flip so fitted
 * components can be compared with scikit-learn's directly.
 */
package dev.nabla.ml.decomposition;
