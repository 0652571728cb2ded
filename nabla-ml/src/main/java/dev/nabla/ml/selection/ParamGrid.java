package dev.nabla.ml.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * sklearn's ParameterGrid: every combination of the listed values. Names are taken in sorted order and
 * the last name varies fastest, so the candidates come in the same order as in scikit-learn (and a
 * cv_results row i means the same candidate in both). A list of grids is expanded grid by grid.
 */
public final class ParamGrid {
    private ParamGrid() {}

    public static List<Map<String, Object>> expand(List<? extends Map<String, ? extends List<?>>> grids) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, ? extends List<?>> grid : grids) out.addAll(expand(grid));
        return out;
    }

    public static List<Map<String, Object>> expand(Map<String, ? extends List<?>> grid) {
        TreeMap<String, List<?>> sorted = new TreeMap<>(grid);
        for (Map.Entry<String, List<?>> e : sorted.entrySet())
            if (e.getValue() == null || e.getValue().isEmpty())
                throw new IllegalArgumentException("param grid: '" + e.getKey() + "' needs at least one value");
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<?>> e : sorted.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>(out.size() * e.getValue().size());
            for (Map<String, Object> partial : out)
                for (Object v : e.getValue()) {
                    Map<String, Object> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            out = next;
        }
        return out;
    }
}
