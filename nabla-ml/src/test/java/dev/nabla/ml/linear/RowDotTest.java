package dev.nabla.ml.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The strip kernels against plain loops, for widths that are and are not whole vectors and for strips that
 * end at the last row of x (where the vector path must not read past the array).
 */
class RowDotTest {
    @Test
    void rowDotsAndTransposedProductsMatchPlainLoops() {
        SplittableRandom r = new SplittableRandom(7);
        for (int d = 1; d <= 41; d++) {
            int n = 37;
            double[] x = new double[n * d], w = new double[(d + RowDot.lanes() - 1) / RowDot.lanes() * RowDot.lanes() + 3];
            for (int i = 0; i < x.length; i++) x[i] = r.nextDouble(-2, 2);
            for (int j = 0; j < d; j++) w[j] = r.nextDouble(-1, 1);
            for (int[] strip : new int[][] {{0, n}, {0, 5}, {3, 17}, {n - 9, 9}, {n - 1, 1}, {n - 4, 4}}) {
                int s = strip[0], m = strip[1];
                double[] t = new double[m], e = new double[m], g = new double[d + 2], expected = new double[d + 2];
                for (int k = 0; k < m; k++) e[k] = r.nextDouble(-1, 1);
                for (int j = 0; j < g.length; j++) g[j] = expected[j] = r.nextDouble();
                RowDot.rowDots(x, d, s, m, w, 0.25, t);
                RowDot.addTransposedTimes(x, d, s, m, e, g);
                for (int k = 0; k < m; k++) {
                    double dot = 0.25;
                    for (int j = 0; j < d; j++) {
                        dot += x[(s + k) * d + j] * w[j];
                        expected[j] += e[k] * x[(s + k) * d + j];
                    }
                    assertEquals(dot, t[k], 1e-13, "d " + d + " row " + (s + k));
                }
                for (int j = 0; j < g.length; j++) assertEquals(expected[j], g[j], 1e-13, "d " + d + " strip " + s + "+" + m + " column " + j);
            }
        }
    }
}
