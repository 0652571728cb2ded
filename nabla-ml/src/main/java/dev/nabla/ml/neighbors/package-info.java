/**
 * Nearest-neighbour search and estimators as sklearn's (Euclidean metric): brute force through matrix
 * products for any dimension, a KD-tree for low dimensions, and kNN classification and regression.
 */
package dev.nabla.ml.neighbors;
