package dev.nabla.ml.cluster;

/** One k-means run's result: centers (k x d row-major), labels, inertia and iterations used. */
record KMeansRun(double[] centers, int[] labels, double inertia, int nIter) {}
