package dev.nabla.ml.datasets;

import dev.nabla.Generator;

/** The random draws the generators need, in a fixed order on one seeded Generator. */
final class Draws {
    private Draws() {}

    static double[] normal(Generator g, int count) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) v[i] = g.nextGaussian();
        return v;
    }

    static double[] uniform(Generator g, int count, double lo, double hi) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) v[i] = lo + (hi - lo) * g.nextDouble();
        return v;
    }

    static int[] permutation(Generator g, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = g.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** Rows of a row-major n x d array permuted by rowOrder, columns by colOrder (null = unchanged). */
    static double[] permute(double[] x, int n, int d, int[] rowOrder, int[] colOrder) {
        double[] out = new double[x.length];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) out[i * d + j] = x[rowOrder[i] * d + (colOrder == null ? j : colOrder[j])];
        return out;
    }
}
