/**
 * sklearn.manifold: {@link dev.nabla.ml.manifold.TSNE} (exact and Barnes-Hut) and the
 * {@link dev.nabla.ml.manifold.Trustworthiness} score for judging embeddings.
 */
package dev.nabla.ml.manifold;
