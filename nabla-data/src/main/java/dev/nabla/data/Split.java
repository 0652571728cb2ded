package dev.nabla.data;

/** Which part of a dataset with a fixed train/test split to load. */
public enum Split {
    TRAIN,
    TEST
}
