package dev.nabla.nn;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** An ordered list of sub-modules, named "0", "1", ...; it registers them but has no forward of its own. */
public final class ModuleList<M extends Module> extends Module implements Iterable<M> {
    private final List<M> items = new ArrayList<>();

    @SafeVarargs
    public ModuleList(M... modules) {
        for (M m : modules) add(m);
    }

    public ModuleList<M> add(M module) {
        items.add(registerModule(Integer.toString(items.size()), module));
        return this;
    }

    public M get(int index) {
        return items.get(index);
    }

    public int size() {
        return items.size();
    }

    @Override
    public Iterator<M> iterator() {
        return List.copyOf(items).iterator();
    }
}
