package dev.nabla.ml.neighbors;

import dev.nabla.Tensor;

/**
 * The k nearest training rows of each query: distances (float64) and indices (int64), both n_queries x k,
 * nearest first; equal distances are ordered by index.
 */
public record Neighbors(Tensor distances, Tensor indices) {}
