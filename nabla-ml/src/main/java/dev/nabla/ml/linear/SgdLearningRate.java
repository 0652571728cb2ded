package dev.nabla.ml.linear;

/**
 * sklearn's SGD step schedules, t counting updates from 1: CONSTANT eta0; OPTIMAL 1 / (alpha (t0 + t - 1)) with
 * Bottou's heuristic t0; INVSCALING eta0 / t^powerT.
 */
public enum SgdLearningRate { CONSTANT, OPTIMAL, INVSCALING }
