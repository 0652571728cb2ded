package dev.nabla.ml.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A search's cv_results_: one row per candidate, sklearn's column names ("param_clf.c",
 * "split0_test_score", "mean_test_score", "rank_test_score", ...). {@link #toString} prints the
 * summary columns as a small table, like a pandas DataFrame of the dict.
 */
public final class CvResults {
    private final List<Map<String, Object>> params;
    private final List<String> paramNames;
    private final Map<String, double[]> numeric = new LinkedHashMap<>();
    private final int[] rank;

    /** results[candidate * folds + fold]. */
    CvResults(List<Map<String, Object>> candidates, FoldResult[] results, int folds, boolean trainScores) {
        this.params = candidates.stream().map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m))).toList();
        TreeSet<String> names = new TreeSet<>();
        candidates.forEach(m -> names.addAll(m.keySet()));
        this.paramNames = List.copyOf(names);
        int n = candidates.size();
        summarise("fit_time", n, folds, (c, f) -> results[c * folds + f].fitTime(), false);
        summarise("score_time", n, folds, (c, f) -> results[c * folds + f].scoreTime(), false);
        summarise("test_score", n, folds, (c, f) -> results[c * folds + f].test()[0], true);
        double[] means = numeric.get("mean_test_score");
        rank = new int[n];
        for (int c = 0; c < n; c++) {
            int better = 0;
            for (int o = 0; o < n; o++) if (means[o] > means[c]) better++;
            rank[c] = better + 1; // scipy's rankdata(method="min") of the negated means
        }
        if (trainScores) summarise("train_score", n, folds, (c, f) -> results[c * folds + f].train()[0], true);
    }

    private interface Cell {
        double at(int candidate, int fold);
    }

    /** splitK_NAME columns when perSplit, then mean_NAME and std_NAME, as sklearn orders them. */
    private void summarise(String name, int n, int folds, Cell cell, boolean perSplit) {
        double[][] byCandidate = new double[n][folds];
        for (int c = 0; c < n; c++) for (int f = 0; f < folds; f++) byCandidate[c][f] = cell.at(c, f);
        if (perSplit)
            for (int f = 0; f < folds; f++) {
                double[] col = new double[n];
                for (int c = 0; c < n; c++) col[c] = byCandidate[c][f];
                numeric.put("split" + f + "_" + name, col);
            }
        numeric.put("mean_" + name, Arrays.stream(byCandidate).mapToDouble(Stats::mean).toArray());
        numeric.put("std_" + name, Arrays.stream(byCandidate).mapToDouble(Stats::std).toArray());
    }

    public int size() {
        return params.size();
    }

    /** The candidates' parameter settings, in search order. */
    public List<Map<String, Object>> params() {
        return params;
    }

    /** The candidate with rank 1; the first such on ties, as sklearn's argmin of the ranks. */
    public int bestIndex() {
        for (int c = 0; c < rank.length; c++) if (rank[c] == 1) return c;
        throw new IllegalStateException("no candidate ranked first");
    }

    public int[] rankTestScore() {
        return rank.clone();
    }

    /** A numeric column ("mean_test_score", "std_fit_time", "split2_test_score", ...). */
    public double[] column(String name) {
        if (name.equals("rank_test_score")) return Arrays.stream(rank).asDoubleStream().toArray();
        double[] c = numeric.get(name);
        if (c == null) throw new IllegalArgumentException("cv results have no numeric column '" + name + "'; columns: " + columns());
        return c.clone();
    }

    /** The values of one parameter per candidate ("param_clf.c" or just "clf.c"); null where a candidate lacks it. */
    public List<Object> param(String name) {
        String key = name.startsWith("param_") ? name.substring(6) : name;
        if (!paramNames.contains(key)) throw new IllegalArgumentException("cv results have no parameter '" + key + "'; parameters: " + paramNames);
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> p : params) out.add(p.get(key));
        return out;
    }

    /** Every column name, in sklearn's order ("params" holds the settings; see {@link #params}). */
    public List<String> columns() {
        List<String> cols = new ArrayList<>();
        for (String k : numeric.keySet()) {
            if (k.equals("split0_test_score")) {
                paramNames.forEach(p -> cols.add("param_" + p));
                cols.add("params");
            }
            cols.add(k);
            if (k.equals("std_test_score")) cols.add("rank_test_score");
        }
        return cols;
    }

    /** The summary: parameters, mean and std of the test score, rank, and mean fit time, one row per candidate. */
    @Override
    public String toString() {
        List<String> header = new ArrayList<>();
        paramNames.forEach(p -> header.add("param_" + p));
        header.addAll(List.of("mean_test_score", "std_test_score", "rank_test_score", "mean_fit_time"));
        String[][] cells = new String[size()][header.size()];
        for (int c = 0; c < size(); c++) {
            int j = 0;
            for (String p : paramNames) cells[c][j++] = format(params.get(c).get(p));
            cells[c][j++] = format(numeric.get("mean_test_score")[c]);
            cells[c][j++] = format(numeric.get("std_test_score")[c]);
            cells[c][j++] = Integer.toString(rank[c]);
            cells[c][j] = format(numeric.get("mean_fit_time")[c]);
        }
        int indexWidth = Integer.toString(Math.max(0, size() - 1)).length();
        int[] width = new int[header.size()];
        for (int j = 0; j < width.length; j++) {
            width[j] = header.get(j).length();
            for (String[] row : cells) width[j] = Math.max(width[j], row[j].length());
        }
        StringBuilder sb = new StringBuilder(" ".repeat(indexWidth));
        for (int j = 0; j < width.length; j++) sb.append("  ").append(pad(header.get(j), width[j]));
        sb.append('\n');
        for (int c = 0; c < size(); c++) {
            sb.append(pad(Integer.toString(c), indexWidth));
            for (int j = 0; j < width.length; j++) sb.append("  ").append(pad(cells[c][j], width[j]));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Six significant digits, as pandas prints floats. */
    private static String format(Object v) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e6) return String.format(Locale.ROOT, "%.1f", d);
            String s = String.format(Locale.ROOT, "%.6g", d);
            return s.contains("e") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", ".0");
        }
        return String.valueOf(v);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
