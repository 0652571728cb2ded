package dev.nabla.ml.linear;

/** The regulariser of sklearn's SGD: none, ½‖w‖² (L2), ‖w‖₁ (L1) or their l1Ratio mix (ELASTICNET). */
public enum SgdPenalty { NONE, L2, L1, ELASTICNET }
