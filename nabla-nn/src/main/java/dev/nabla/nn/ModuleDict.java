package dev.nabla.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Sub-modules by name, in insertion order; it registers them but has no forward of its own. */
public final class ModuleDict<M extends Module> extends Module {
    private final Map<String, M> items = new LinkedHashMap<>();

    public ModuleDict() {}

    public ModuleDict(Map<String, ? extends M> modules) {
        modules.forEach(this::put);
    }

    public ModuleDict<M> put(String name, M module) {
        items.put(name, registerModule(name, module));
        return this;
    }

    public M get(String name) {
        M m = items.get(name);
        if (m == null) throw new IllegalArgumentException("ModuleDict has no module '" + name + "'; it has " + items.keySet());
        return m;
    }

    public boolean containsKey(String name) {
        return items.containsKey(name);
    }

    public Set<String> keySet() {
        return java.util.Collections.unmodifiableSet(items.keySet());
    }

    public int size() {
        return items.size();
    }
}
