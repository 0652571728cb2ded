/**
 * Linear models: least squares, Ridge (Cholesky on the normal equations), Lasso and ElasticNet
 * (coordinate descent, sklearn's objective scaling), LogisticRegression (L-BFGS, binary and multinomial).
 */
package dev.nabla.ml.linear;
