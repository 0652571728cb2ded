package dev.nabla.ml.svm;

/** sklearn's decision_function_shape for multiclass SVC: per class (OVR, the default) or per pair (OVO). */
public enum DecisionShape { OVR, OVO }
