package dev.nabla.ml.svm;

/** libsvm's kernels: k(a, b) as a function of the dot product a·b and the squared norms |a|², |b|². */
public enum Kernel {
    /** a·b */
    LINEAR,
    /** (gamma a·b + coef0)^degree */
    POLY,
    /** exp(-gamma |a - b|²) */
    RBF,
    /** tanh(gamma a·b + coef0) */
    SIGMOID;

    double value(double dot, double sqNormA, double sqNormB, double gamma, int degree, double coef0) {
        return switch (this) {
            case LINEAR -> dot;
            case POLY -> powi(gamma * dot + coef0, degree);
            // the norms form of |a-b|² is what libsvm uses; clamp tiny negative round-off so k <= 1
            case RBF -> Math.exp(-gamma * Math.max(0, sqNormA + sqNormB - 2 * dot));
            case SIGMOID -> Math.tanh(gamma * dot + coef0);
        };
    }

    /** Integer power by squaring, as libsvm's powi (Math.pow is slower and not needed for integer degrees). */
    private static double powi(double base, int times) {
        double result = 1, t = base;
        for (int i = times; i > 0; i /= 2) {
            if (i % 2 == 1) result *= t;
            t *= t;
        }
        return result;
    }
}
