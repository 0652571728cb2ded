package dev.nabla.ml.neighbors;

import dev.nabla.Tensor;
import java.util.List;

/**
 * The training rows within a radius of each query: one distances (float64) and one indices (int64) tensor
 * per query. Unlike sklearn's default (sort_results=False) they are sorted, nearest first, ties by index.
 */
public record RadiusNeighbors(List<Tensor> distances, List<Tensor> indices) {}
