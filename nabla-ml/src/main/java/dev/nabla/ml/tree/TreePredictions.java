package dev.nabla.ml.tree;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.Matrix;

/** Row-wise evaluation of fitted trees, shared by the single trees and the forests. */
public final class TreePredictions {
    private TreePredictions() {}

    /** The rows a tree is grown on: every row, less those whose weight is zero (sklearn drops them too). */
    public static int[] allSamples(int n, double[] weights) {
        int count = 0;
        int[] s = new int[n];
        for (int i = 0; i < n; i++) if (weights == null || weights[i] != 0) s[count++] = i;
        return count == n ? s : java.util.Arrays.copyOf(s, count);
    }

    /** Class probabilities, row-major n x k: each leaf's weighted counts normalised. */
    public static double[] proba(Tree tree, Matrix m) {
        int k = tree.outputs();
        double[] p = new double[m.rows() * k];
        for (int i = 0; i < m.rows(); i++) addProba(tree, m.data(), i * m.cols(), p, i * k, 1);
        return p;
    }

    /** Adds scale · (normalised leaf counts of row) to out[outOffset, outOffset + k). */
    public static void addProba(Tree tree, double[] data, int rowOffset, double[] out, int outOffset, double scale) {
        int k = tree.outputs(), leaf = tree.apply(data, rowOffset);
        double[] v = tree.value();
        double total = 0;
        for (int c = 0; c < k; c++) total += v[leaf * k + c];
        double s = total > 0 ? scale / total : 0;
        for (int c = 0; c < k; c++) out[outOffset + c] += v[leaf * k + c] * s;
    }

    public static double[] regression(Tree tree, Matrix m) {
        double[] out = new double[m.rows()];
        for (int i = 0; i < m.rows(); i++) out[i] = tree.value()[tree.apply(m.data(), i * m.cols())];
        return out;
    }

    public static Tensor leaves(Tree tree, Matrix m) {
        long[] ids = new long[m.rows()];
        for (int i = 0; i < m.rows(); i++) ids[i] = tree.apply(m.data(), i * m.cols());
        return Nabla.tensor(ids, ids.length);
    }

    /** The first largest column of each row (numpy's argmax). */
    public static int[] argmax(double[] p, int k) {
        int n = p.length / k;
        int[] codes = new int[n];
        for (int i = 0; i < n; i++)
            for (int c = 1; c < k; c++) if (p[i * k + c] > p[i * k + codes[i]]) codes[i] = c;
        return codes;
    }
}
