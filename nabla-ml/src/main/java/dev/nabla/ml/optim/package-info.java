/**
 * Numerical optimisers the estimators share: {@link dev.nabla.ml.optim.Lbfgs} (smooth problems such as
 * logistic regression). Plain double arrays in and out; depends on nothing else in Nabla.
 */
package dev.nabla.ml.optim;
