package dev.nabla.ml.preprocessing;

/** What an encoder does with a category it did not see in fit. */
public enum HandleUnknown {
    /** Throw, naming the column and the value. */
    ERROR,
    /** OneHotEncoder: encode as all zeros. */
    IGNORE,
    /** OrdinalEncoder: encode as the configured unknownValue. */
    USE_ENCODED_VALUE
}
