package dev.nabla.ml.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The scalar four-row kernels (LogisticLoss without the Vector API, and at the end of X) against plain loops. */
class RowDotTest {
    @Test
    void fourRowDotsAndTransposedProductsMatchPlainLoops() {
        SplittableRandom r = new SplittableRandom(7);
        for (int d = 1; d <= 13; d++) {
            int n = 9;
            double[] x = new double[n * d], w = new double[d];
            for (int i = 0; i < x.length; i++) x[i] = r.nextDouble(-2, 2);
            for (int j = 0; j < d; j++) w[j] = r.nextDouble(-1, 1);
            for (int s : new int[] {0, 3, n - 4}) {
                double[] t = new double[4], e = new double[4], g = new double[d + 2], expected = new double[d + 2];
                for (int k = 0; k < 4; k++) e[k] = r.nextDouble(-1, 1);
                for (int j = 0; j < g.length; j++) g[j] = expected[j] = r.nextDouble();
                RowDot.scalarRowDots4(x, d, s * d, w, 0.25, t);
                RowDot.scalarAddTransposedTimes4(x, d, s * d, e, g);
                for (int k = 0; k < 4; k++) {
                    double dot = 0.25;
                    for (int j = 0; j < d; j++) {
                        dot += x[(s + k) * d + j] * w[j];
                        expected[j] += e[k] * x[(s + k) * d + j];
                    }
                    assertEquals(dot, t[k], 1e-13, "d " + d + " row " + (s + k));
                }
                for (int j = 0; j < g.length; j++) assertEquals(expected[j], g[j], 1e-13, "d " + d + " rows from " + s + ", column " + j);
            }
        }
    }
}
