package dev.nabla.ml.svm;

import dev.nabla.ml.Check;

/** Validation shared by the SVC and SVR options records. */
final class SvmParams {
    private SvmParams() {}

    static void kernel(String owner, Kernel kernel, int degree, Gamma gamma, double coef0, double tol, double cacheSize, int maxIter) {
        Check.notNull(owner, "kernel", kernel);
        Check.notNull(owner, "gamma", gamma);
        if (degree < 0) throw new IllegalArgumentException(owner + ": degree must be >= 0, got " + degree);
        if (!Double.isFinite(coef0)) throw new IllegalArgumentException(owner + ": coef0 must be finite, got " + coef0);
        Check.positive(owner, "tol", tol);
        Check.positive(owner, "cacheSize", cacheSize);
        if (maxIter == 0 || maxIter < -1) throw new IllegalArgumentException(owner + ": maxIter must be -1 (no limit) or > 0, got " + maxIter);
    }

    static KernelFunction resolve(Kernel kernel, Gamma gamma, int degree, double coef0, double[] x, int nFeatures) {
        return new KernelFunction(kernel, gamma.resolve(x, nFeatures), degree, coef0);
    }
}
