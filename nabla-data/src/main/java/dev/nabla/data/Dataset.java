package dev.nabla.data;

import java.util.function.Function;

/**
 * A map-style dataset: a known number of samples, each read by index (PyTorch's {@code Dataset}).
 * {@link DataLoader} may call {@link #get} from several worker threads at once, so implementations
 * must be safe to read concurrently (immutable data is).
 */
public interface Dataset<T> {
    int size();

    /** Sample i, for 0 <= i < size(). */
    T get(int i);

    /** A lazy view that applies fn to each sample as it is read (transforms, augmentation). */
    default <R> Dataset<R> map(Function<? super T, ? extends R> fn) {
        Dataset<T> source = this;
        return new Dataset<>() {
            @Override public int size() { return source.size(); }
            @Override public R get(int i) { return fn.apply(source.get(i)); }
        };
    }
}
