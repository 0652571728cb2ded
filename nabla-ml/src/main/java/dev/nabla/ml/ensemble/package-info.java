/**
 * Tree ensembles with scikit-learn's contract: random forests and extra trees (trees grown in parallel
 * on {@link dev.nabla.cpu.Parallel}, each from a seed derived from the master seed and its index, so
 * results do not depend on the thread count) and histogram gradient boosting (X binned to bytes,
 * histogram subtraction, leaf-wise growth, learned NaN sides, early stopping), whose trees are
 * bit-identical to sklearn 1.2's when sklearn's fit is deterministic.
 */
package dev.nabla.ml.ensemble;
