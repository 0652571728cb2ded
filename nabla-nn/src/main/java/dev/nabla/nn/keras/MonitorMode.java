package dev.nabla.nn.keras;

/**
 * Whether a watched value improves downwards (MIN, losses and errors) or upwards (MAX, accuracy-like
 * scores). AUTO picks MAX for names containing "acc", "auc", "precision", "recall" or "f1", else MIN.
 */
public enum MonitorMode { AUTO, MIN, MAX }
