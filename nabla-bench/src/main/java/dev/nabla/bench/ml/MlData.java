package dev.nabla.bench.ml;

import dev.nabla.Tensor;

/** The arrays one workload fits and scores on: train rows, and held-out test rows (y may be null for unsupervised workloads). */
public record MlData(Tensor xTrain, Tensor yTrain, Tensor xTest, Tensor yTest) {}
