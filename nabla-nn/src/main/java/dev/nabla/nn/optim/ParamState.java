package dev.nabla.nn.optim;

import dev.nabla.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an optimizer remembers about one parameter between steps: named buffers (tensors shaped like
 * the parameter, e.g. Adam's {@code expAvg}) and a step count. Names are part of the state-dict format.
 */
public final class ParamState {
    static final String STEP = "step";

    private final Map<String, Object> entries = new LinkedHashMap<>();

    /** The buffer called name, created by init on first use. */
    public Tensor buffer(String name, Supplier<Tensor> init) {
        return (Tensor) entries.computeIfAbsent(name, k -> init.get());
    }

    /** The buffer called name, or null when it does not exist yet. */
    public Tensor bufferOrNull(String name) {
        return (Tensor) entries.get(name);
    }

    public void putBuffer(String name, Tensor value) {
        entries.put(name, value);
    }

    /** Steps taken so far (0 before the first). */
    public long step() {
        return (Long) entries.getOrDefault(STEP, 0L);
    }

    /** Counts one more step and returns the new count. */
    public long incrementStep() {
        long s = step() + 1;
        entries.put(STEP, s);
        return s;
    }

    /** The entries themselves (buffers and the step): the optimizer copies them into state dicts. */
    Map<String, Object> entries() {
        return entries;
    }
}
