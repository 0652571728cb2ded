/**
 * Tree ensembles with scikit-learn's contract: random forests and extra trees (trees grown in parallel
 * on {@link dev.nabla.cpu.Parallel}, each from a seed derived from the master seed and its index, so
 * results do not depend on the thread count) and histogram gradient boosting (X binned to bytes,
 * histogram subtraction, leaf-wise growth, learned NaN sides, early stopping; each fit holds the pool's
 * threads as a {@code Team} for its many short parallel steps), whose trees are bit-identical to
 * sklearn 1.2's when sklearn's fit is deterministic, at any thread count.
 */
package dev.nabla.ml.ensemble;
