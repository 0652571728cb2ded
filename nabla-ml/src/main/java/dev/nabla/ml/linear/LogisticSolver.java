package dev.nabla.ml.linear;

/**
 * LogisticRegression's solver, sklearn's {@code solver}: LBFGS (penalties L2 and NONE) or SAGA (every
 * penalty; the only one for L1 and ELASTICNET).
 */
public enum LogisticSolver { LBFGS, SAGA }
