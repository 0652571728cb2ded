package dev.nabla.ml.ensemble;

import dev.nabla.ml.Check;

/** The hyper-parameters both histogram gradient boosting estimators share (sklearn 1.2's names and defaults). */
public interface HistOptions {
    /** sklearn's early_stopping: AUTO turns it on when there are more than 10,000 samples. */
    enum EarlyStopping { AUTO, ON, OFF }

    double learningRate();

    int maxIter();

    /** null: unlimited. */
    Integer maxLeafNodes();

    /** null: unlimited. */
    Integer maxDepth();

    int minSamplesLeaf();

    double l2Regularization();

    int maxBins();

    EarlyStopping earlyStopping();

    double validationFraction();

    int nIterNoChange();

    double tol();

    long randomState();

    static void check(String owner, double learningRate, int maxIter, Integer maxLeafNodes, Integer maxDepth, int minSamplesLeaf,
                      double l2Regularization, int maxBins, EarlyStopping earlyStopping, double validationFraction, int nIterNoChange, double tol) {
        Check.positive(owner, "learningRate", learningRate);
        Check.positive(owner, "maxIter", maxIter);
        if (maxLeafNodes != null && maxLeafNodes < 2) throw new IllegalArgumentException(owner + ": maxLeafNodes must be >= 2 or null, got " + maxLeafNodes);
        if (maxDepth != null) Check.positive(owner, "maxDepth", maxDepth);
        Check.positive(owner, "minSamplesLeaf", minSamplesLeaf);
        Check.nonNegative(owner, "l2Regularization", l2Regularization);
        if (maxBins < 2 || maxBins > 255) throw new IllegalArgumentException(owner + ": maxBins must be in [2, 255], got " + maxBins);
        Check.notNull(owner, "earlyStopping", earlyStopping);
        if (!(validationFraction > 0 && validationFraction < 1))
            throw new IllegalArgumentException(owner + ": validationFraction must be in (0, 1), got " + validationFraction);
        Check.positive(owner, "nIterNoChange", nIterNoChange);
        Check.nonNegative(owner, "tol", tol);
    }
}
