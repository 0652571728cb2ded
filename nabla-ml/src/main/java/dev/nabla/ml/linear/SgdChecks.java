package dev.nabla.ml.linear;

import dev.nabla.ml.Check;

/** Option checks shared by SgdClassifier and SgdRegressor. */
final class SgdChecks {
    private SgdChecks() {}

    static void common(String owner, SgdPenalty penalty, double alpha, double l1Ratio, int maxIter, double tol,
                       SgdLearningRate learningRate, double eta0, int nIterNoChange) {
        Check.notNull(owner, "penalty", penalty);
        Check.nonNegative(owner, "alpha", alpha);
        Check.inRange(owner, "l1Ratio", l1Ratio, 0, 1);
        Check.positive(owner, "maxIter", maxIter);
        if (Double.isNaN(tol)) throw new IllegalArgumentException(owner + ": tol must be a number (NEGATIVE_INFINITY disables stopping), got NaN");
        Check.notNull(owner, "learningRate", learningRate);
        Check.nonNegative(owner, "eta0", eta0);
        if (learningRate != SgdLearningRate.OPTIMAL && eta0 == 0)
            throw new IllegalArgumentException(owner + ": eta0 must be > 0 with learning rate " + learningRate.name().toLowerCase());
        if (learningRate == SgdLearningRate.OPTIMAL && alpha == 0)
            throw new IllegalArgumentException(owner + ": alpha must be > 0 with the optimal learning rate (it sets the step size)");
        Check.positive(owner, "nIterNoChange", nIterNoChange);
    }
}
