package dev.nabla.data;

/**
 * A stream-style dataset: samples come from an iterator (files read front to back, generated data),
 * with no random access. Each call to {@link #iterator()} starts a new pass. {@link DataLoader}
 * reads it on a single thread, in order, so the iterator needs no thread safety.
 */
public interface IterableDataset<T> extends Iterable<T> {}
