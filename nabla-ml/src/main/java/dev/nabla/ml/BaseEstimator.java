package dev.nabla.ml;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The shared half of every estimator: an immutable {@code Options} record of hyper-parameters, the
 * params view of it, cloning, and the fitted flag. Subclasses add learned state and say how to save it.
 *
 * @param <E> the estimator type, so setParams and clone return it
 * @param <O> its options record
 */
public abstract class BaseEstimator<E extends BaseEstimator<E, O>, O extends Record> implements Estimator {
    protected final O options;
    private boolean fitted;

    protected BaseEstimator(O options) {
        this.options = Objects.requireNonNull(options, () -> getClass().getSimpleName() + ": options must not be null");
    }

    /** The hyper-parameters this estimator was built with. */
    public O options() {
        return options;
    }

    /** A new, unfitted estimator of the same class with these options. */
    protected abstract E withOptions(O options);

    /** Writes the learned state (called only when fitted). */
    protected abstract void saveState(State out);

    /** Restores the learned state written by {@link #saveState}. */
    protected abstract void loadState(State in);

    @Override
    public Map<String, Object> getParams() {
        return Params.of(options);
    }

    @Override
    public E setParams(Map<String, ?> changes) {
        return withOptions(Params.with(options, changes, name()));
    }

    @Override
    public E setParam(String name, Object value) {
        return setParams(Map.of(name, value));
    }

    @Override
    public E clone() {
        return withOptions(options);
    }

    @Override
    public boolean isFitted() {
        return fitted;
    }

    protected final void markFitted() {
        fitted = true;
    }

    protected final void requireFitted(String method) {
        if (!fitted) throw new NotFittedException(name(), method);
    }

    /** The name errors use. */
    public String name() {
        return getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return getParams().entrySet().stream().filter(e -> !e.getKey().contains("."))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", name() + "(", ")"));
    }
}
