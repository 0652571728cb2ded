package dev.nabla.ml.compose;

import dev.nabla.ml.Estimator;
import dev.nabla.ml.Transformer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nested-parameter view shared by the composites: each named transformer appears as {@code "name"}
 * (replace it whole) and its own parameters as {@code "name.param"}, sklearn's {@code name__param}.
 */
final class Named {
    private Named() {}

    static void checkName(String owner, String name) {
        if (name == null || name.isEmpty() || name.contains("."))
            throw new IllegalArgumentException(owner + ": a transformer name must be non-empty without '.', got '" + name + "'");
    }

    static void checkUnique(String owner, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) if (!seen.add(n)) throw new IllegalArgumentException(owner + ": transformer names must be unique, '" + n + "' repeats");
    }

    static void putParams(Map<String, Object> params, List<String> names, List<? extends Estimator> estimators) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            params.put(name, estimators.get(i));
            estimators.get(i).getParams().forEach((k, v) -> params.put(name + "." + k, v));
        }
    }

    /**
     * The transformers after the "name" and "name.param" changes; keys in ownKeys are the composite's
     * own parameters and are skipped here.
     */
    static List<Transformer> apply(String owner, List<String> names, List<Transformer> transformers, Map<String, ?> changes, Set<String> ownKeys) {
        List<Transformer> out = new ArrayList<>(transformers);
        Map<Integer, Map<String, Object>> nested = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : changes.entrySet()) {
            if (ownKeys.contains(e.getKey())) continue;
            int dot = e.getKey().indexOf('.');
            String head = dot < 0 ? e.getKey() : e.getKey().substring(0, dot);
            int index = names.indexOf(head);
            if (index < 0)
                throw new IllegalArgumentException(owner + ": unknown parameter '" + e.getKey() + "'; parameters are " + ownKeys
                        + " and the transformers " + names + " (use \"name.param\" for a transformer's parameter)");
            if (dot >= 0) nested.computeIfAbsent(index, k -> new LinkedHashMap<>()).put(e.getKey().substring(dot + 1), e.getValue());
            else if (e.getValue() instanceof Transformer t) out.set(index, t);
            else throw new IllegalArgumentException(owner + ": parameter '" + head + "' must be a Transformer, got " + e.getValue());
        }
        nested.forEach((index, params) -> out.set(index, out.get(index).setParams(params)));
        return out;
    }

    /** Side by side: the columns of each block, in order, as one n x (sum of widths) row-major array. */
    static double[] hstack(List<double[]> blocks, int[] widths, int rows) {
        int total = 0;
        for (int w : widths) total += w;
        double[] out = new double[rows * total];
        for (int b = 0, offset = 0; b < blocks.size(); offset += widths[b], b++)
            for (int i = 0; i < rows; i++) System.arraycopy(blocks.get(b), i * widths[b], out, i * total + offset, widths[b]);
        return out;
    }
}
