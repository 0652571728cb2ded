package dev.nabla.ml.metrics;

/** How per-class precision / recall / F1 combine into one number (sklearn's {@code average=}). */
public enum Average {
    /** Only the positive class's score (two-class problems). */
    BINARY,
    /** Global counts of true / false positives and negatives. */
    MICRO,
    /** Unweighted mean over classes. */
    MACRO,
    /** Mean over classes weighted by their support (number of true samples). */
    WEIGHTED
}
