/**
 * sklearn.cluster: {@link dev.nabla.ml.cluster.KMeans}, {@link dev.nabla.ml.cluster.MiniBatchKMeans},
 * {@link dev.nabla.ml.cluster.DBSCAN}, {@link dev.nabla.ml.cluster.AgglomerativeClustering} and
 * {@link dev.nabla.ml.cluster.GaussianMixture} (sklearn.mixture, kept here with the other clusterers).
 * Every clusterer is a {@link dev.nabla.ml.cluster.Clusterer}: fit, then labels().
 */
package dev.nabla.ml.cluster;
