package dev.nabla.data;

/** A batch could not be loaded; thrown on the thread that iterates, whichever worker failed. */
public final class DataLoaderException extends RuntimeException {
    private final int batchIndex;

    DataLoaderException(int batchIndex, String message, Throwable cause) {
        super(message, cause);
        this.batchIndex = batchIndex;
    }

    /** The position of the failed batch in this epoch, from 0. */
    public int batchIndex() {
        return batchIndex;
    }
}
