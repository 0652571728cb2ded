package dev.nabla.ml.datasets;

import dev.nabla.Tensor;

/** Generated data: X (n_samples x n_features, float64) and y (n_samples; int64 labels or float64 targets). */
public record Samples(Tensor x, Tensor y) {}
