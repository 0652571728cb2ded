package dev.nabla.ops;

import dev.nabla.Shapes;
import dev.nabla.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Einstein summation lowered to expand, sum, permute, reshape and batched matmul, so gradients and
 * vmap come from those ops. Operands are contracted left to right; each pairwise step groups the
 * labels into batch (kept, in both), free (kept, in one) and contracted (in both, needed no more)
 * and runs one [batch, left, k] x [batch, k, right] matmul.
 */
public final class Einsum {
    private Einsum() {}

    public static Tensor einsum(String equation, Tensor... operands) {
        if (operands.length == 0) throw new IllegalArgumentException("einsum: equation \"" + equation + "\" needs at least one operand");
        int[][] shapes = Arrays.stream(operands).map(Tensor::shape).toArray(int[][]::new);
        EinsumEquation eq = new EinsumEquation(equation, shapes);

        List<Tensor> ts = new ArrayList<>();
        List<int[]> labels = new ArrayList<>();
        for (int i = 0; i < operands.length; i++) {
            int[] ls = eq.inputs[i];
            ts.add(sumUnshared(eq, broadcast(eq, operands[i], ls), ls, i));
            labels.add(usedElsewhere(eq, ls, i, true));
        }
        Tensor acc = ts.get(0);
        int[] accLabels = labels.get(0);
        for (int i = 1; i < ts.size(); i++) {
            Set<Integer> needed = labelSet(eq.output);
            for (int j = i + 1; j < ts.size(); j++) needed.addAll(labelSet(labels.get(j)));
            Contraction c = contract(eq, acc, accLabels, ts.get(i), labels.get(i), needed);
            acc = c.result;
            accLabels = c.labels;
        }
        return permuteTo(acc, accLabels, eq.output);
    }

    /** Expands the size-1 "..." dims that broadcast against other operands. */
    private static Tensor broadcast(EinsumEquation eq, Tensor t, int[] ls) {
        int[] target = eq.sizesOf(ls);
        return Arrays.equals(target, t.shape()) ? t : t.expand(target);
    }

    /** Sums out the labels that appear in no other operand and not in the output. */
    private static Tensor sumUnshared(EinsumEquation eq, Tensor t, int[] ls, int operand) {
        int[] drop = usedElsewhere(eq, ls, operand, false);
        if (drop.length == 0) return t;
        int[] dims = new int[drop.length];
        for (int k = 0; k < drop.length; k++) dims[k] = indexOf(ls, drop[k]);
        return t.sum(dims, false);
    }

    /** The labels of operand, in order, that another operand or the output uses (used) or that none does (!used). */
    private static int[] usedElsewhere(EinsumEquation eq, int[] ls, int operand, boolean used) {
        Set<Integer> elsewhere = labelSet(eq.output);
        for (int j = 0; j < eq.inputs.length; j++) if (j != operand) elsewhere.addAll(labelSet(eq.inputs[j]));
        return Arrays.stream(ls).filter(l -> elsewhere.contains(l) == used).toArray();
    }

    private record Contraction(Tensor result, int[] labels) {}

    private static Contraction contract(EinsumEquation eq, Tensor a, int[] la, Tensor b, int[] lb, Set<Integer> needed) {
        Set<Integer> inB = labelSet(lb), inA = labelSet(la);
        int[] batch = Arrays.stream(la).filter(l -> inB.contains(l) && needed.contains(l)).toArray();
        int[] summed = Arrays.stream(la).filter(l -> inB.contains(l) && !needed.contains(l)).toArray();
        int[] left = Arrays.stream(la).filter(l -> !inB.contains(l)).toArray();
        int[] right = Arrays.stream(lb).filter(l -> !inA.contains(l)).toArray();
        int nb = product(eq, batch), nl = product(eq, left), nk = product(eq, summed), nr = product(eq, right);
        Tensor a3 = permuteTo(a, la, concat(batch, left, summed)).reshape(nb, nl, nk);
        Tensor b3 = permuteTo(b, lb, concat(batch, summed, right)).reshape(nb, nk, nr);
        int[] outLabels = concat(batch, left, right);
        return new Contraction(a3.matmul(b3).reshape(eq.sizesOf(outLabels)), outLabels);
    }

    private static Tensor permuteTo(Tensor t, int[] from, int[] to) {
        if (Arrays.equals(from, to)) return t;
        int[] p = new int[to.length];
        for (int i = 0; i < to.length; i++) p[i] = indexOf(from, to[i]);
        return t.permute(p);
    }

    private static int product(EinsumEquation eq, int[] ls) {
        return Shapes.numel(eq.sizesOf(ls));
    }

    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }

    private static Set<Integer> labelSet(int[] ls) {
        Set<Integer> s = new HashSet<>();
        for (int l : ls) s.add(l);
        return s;
    }

    private static int indexOf(int[] ls, int label) {
        for (int i = 0; i < ls.length; i++) if (ls[i] == label) return i;
        throw new IllegalStateException("einsum: label " + label + " missing from " + Arrays.toString(ls));
    }
}
