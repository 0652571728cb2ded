package dev.nabla.ml.tree;

/** The impurity a CART split minimises (sklearn's {@code criterion}); LOG_LOSS is ENTROPY under sklearn's newer name. */
public enum Criterion {
    GINI, ENTROPY, LOG_LOSS, SQUARED_ERROR;

    public boolean forClassification() {
        return this != SQUARED_ERROR;
    }

    /** Fails with a message naming the owner when a classifier gets a regression criterion or vice versa. */
    public Criterion requireFor(String owner, boolean classification) {
        if (forClassification() != classification)
            throw new IllegalArgumentException(owner + ": criterion " + name().toLowerCase() + " is for "
                    + (forClassification() ? "classification" : "regression") + "; use " + (classification ? "gini, entropy or log_loss" : "squared_error"));
        return this;
    }
}
