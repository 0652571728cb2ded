package dev.nabla.ops;

import dev.nabla.Shapes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A parsed and validated einsum equation. Each dim gets an integer label: a letter's char code, or
 * {@link #ELLIPSIS} + j for the j-th dim that "..." stands for (right-aligned across operands, so
 * those dims broadcast as in NumPy). Letters sort by char code, which gives the implicit output order.
 */
final class EinsumEquation {
    static final int ELLIPSIS = 1000;

    final int[][] inputs;
    final int[] output;
    /** Size of every label, after broadcasting the ellipsis dims. */
    final Map<Integer, Integer> sizes = new HashMap<>();

    private final String equation;

    EinsumEquation(String equation, int[][] shapes) {
        this.equation = equation;
        String eq = equation.replace(" ", "");
        int arrow = eq.indexOf("->");
        String lhs = arrow < 0 ? eq : eq.substring(0, arrow);
        String rhs = arrow < 0 ? null : eq.substring(arrow + 2);
        if (rhs != null && rhs.contains("->")) throw error("has more than one '->'");
        String[] terms = lhs.split(",", -1);
        if (terms.length != shapes.length)
            throw error("names " + terms.length + " operand(s) but " + shapes.length + " tensor(s) were given");

        List<List<Integer>> letters = new ArrayList<>();
        int[] ellipsisAt = new int[terms.length];
        int ellipsisRank = 0;
        for (int i = 0; i < terms.length; i++) {
            List<Integer> ls = new ArrayList<>();
            ellipsisAt[i] = parseTerm(terms[i], ls, "operand " + i);
            letters.add(ls);
            int rank = shapes[i].length;
            if (ellipsisAt[i] < 0 && rank != ls.size() || rank < ls.size())
                throw error("operand " + i + " has shape " + Shapes.str(shapes[i]) + " but its subscripts \"" + terms[i] + "\" name " + ls.size() + " dims");
            if (ellipsisAt[i] >= 0) ellipsisRank = Math.max(ellipsisRank, rank - ls.size());
        }

        inputs = new int[terms.length][];
        for (int i = 0; i < terms.length; i++) {
            inputs[i] = expandEllipsis(letters.get(i), ellipsisAt[i], shapes[i].length - letters.get(i).size(), ellipsisRank);
            bindSizes(i, terms[i], shapes[i]);
        }
        output = rhs == null ? implicitOutput(ellipsisRank) : explicitOutput(rhs, ellipsisRank);
    }

    /** Fills ls with the letters of term and returns where "..." stands (-1 if absent). */
    private int parseTerm(String term, List<Integer> ls, String what) {
        int ellipsis = -1;
        for (int c = 0; c < term.length(); c++) {
            char ch = term.charAt(c);
            if (term.startsWith("...", c)) {
                if (ellipsis >= 0) throw error("uses '...' twice in " + what);
                ellipsis = ls.size();
                c += 2;
            } else if (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z') {
                if (ls.contains((int) ch))
                    throw error("repeats subscript '" + ch + "' in " + what + " (\"" + term + "\"); diagonals are not supported");
                ls.add((int) ch);
            } else {
                throw error("has invalid character '" + ch + "' in " + what + "; subscripts are letters a-z, A-Z and '...'");
            }
        }
        return ellipsis;
    }

    /** Splices the ellipsis labels for count dims, right-aligned among rank of them, in at position at. */
    private static int[] expandEllipsis(List<Integer> ls, int at, int count, int rank) {
        List<Integer> r = new ArrayList<>(ls);
        if (at >= 0) for (int j = count - 1; j >= 0; j--) r.add(at, ELLIPSIS + rank - count + j);
        return r.stream().mapToInt(Integer::intValue).toArray();
    }

    private void bindSizes(int operand, String term, int[] shape) {
        for (int d = 0; d < shape.length; d++) {
            int label = inputs[operand][d];
            Integer known = sizes.get(label);
            if (known == null || known == shape[d]) {
                sizes.put(label, shape[d]);
            } else if (label >= ELLIPSIS && (known == 1 || shape[d] == 1)) {
                sizes.put(label, Math.max(known, shape[d]));
            } else {
                throw error(label >= ELLIPSIS
                        ? "the dims under '...' cannot be broadcast: operand " + operand + " has shape " + Shapes.str(shape) + " (size " + shape[d] + " vs " + known + ")"
                        : "subscript '" + (char) label + "' has size " + shape[d] + " in operand " + operand + " (\"" + term + "\") but size " + known + " earlier");
            }
        }
    }

    /** NumPy's rule: the "..." dims, then the letters used exactly once, in alphabetical order. */
    private int[] implicitOutput(int ellipsisRank) {
        Map<Integer, Integer> count = new HashMap<>();
        for (int[] in : inputs) for (int l : in) count.merge(l, 1, Integer::sum);
        TreeSet<Integer> once = new TreeSet<>();
        count.forEach((l, c) -> { if (c == 1 && l < ELLIPSIS) once.add(l); });
        int[] r = new int[ellipsisRank + once.size()];
        for (int j = 0; j < ellipsisRank; j++) r[j] = ELLIPSIS + j;
        int k = ellipsisRank;
        for (int l : once) r[k++] = l;
        return r;
    }

    private int[] explicitOutput(String rhs, int ellipsisRank) {
        List<Integer> ls = new ArrayList<>();
        int at = parseTerm(rhs, ls, "the output");
        if (at < 0 && ellipsisRank > 0)
            throw error("has '...' covering " + ellipsisRank + " dim(s) in the inputs but not in the output; add '...' to the output");
        for (int l : ls)
            if (!sizes.containsKey(l)) throw error("has output subscript '" + (char) l + "' that no operand uses");
        return expandEllipsis(ls, at, ellipsisRank, ellipsisRank);
    }

    int size(int label) {
        return sizes.get(label);
    }

    int[] sizesOf(int[] labels) {
        return Arrays.stream(labels).map(this::size).toArray();
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("einsum: equation \"" + equation + "\" " + what);
    }
}
