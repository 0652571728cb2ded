/**
 * Classical machine learning with scikit-learn's contract. This package holds the contract itself:
 * {@link dev.nabla.ml.Estimator} (params, clone), {@link dev.nabla.ml.Classifier},
 * {@link dev.nabla.ml.Regressor}, {@link dev.nabla.ml.Transformer}, {@link dev.nabla.ml.BaseEstimator}
 * (hyper-parameters as an immutable, validated {@code Options} record), input
 * {@link dev.nabla.ml.Validation}, and JSON save/load ({@link dev.nabla.ml.ModelIO}). Subpackages:
 * preprocessing, linear, metrics, selection, pipeline, datasets (synthetic generators), optim.
 * Depends on nabla-core (Tensor, matmul), EJML (small dense solves) and Jackson (model files); later
 * nabla-data (bundled datasets). nabla-io's EstimatorFiles writes models as safetensors, arrays as tensors.
 */
package dev.nabla.ml;
