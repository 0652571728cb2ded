/**
 * Kernel support vector machines as libsvm (sklearn's SVC and SVR): SMO with second-order working-set
 * selection, shrinking, a kernel cache, one-vs-one multiclass and Platt-scaled probabilities.
 */
package dev.nabla.ml.svm;
