package dev.nabla.ml.linear;

/**
 * LogisticRegression's regulariser, sklearn's {@code penalty}: none, ½‖W‖² (L2), ‖W‖₁ (L1) or
 * l1Ratio·‖W‖₁ + (1 − l1Ratio)·½‖W‖² (ELASTICNET), all scaled by 1/C; intercepts are never penalised.
 */
public enum LogisticPenalty { NONE, L2, L1, ELASTICNET }
