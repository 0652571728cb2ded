package dev.nabla.ml.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nabla.ml.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The blocked, strip-wise binary loss and gradient against the objective written out row by row: widths
 * that are and are not whole vectors, the last strips of X (scalar where vector reads would leave the
 * array), blocks and strips with remainders.
 */
class LogisticLossTest {
    @Test
    void binaryLossAndGradientMatchTheirDefinition() {
        SplittableRandom r = new SplittableRandom(3);
        for (int d : new int[] {1, 2, 3, 5, 7, 8, 9, 13, 16, 17, 31, 50}) {
            for (boolean intercept : new boolean[] {true, false}) {
                int n = 4099; // two blocks and a partial one; strips and vectors with remainders
                double[] x = new double[n * d], sw = new double[n], p = new double[d + (intercept ? 1 : 0)];
                int[] codes = new int[n];
                for (int i = 0; i < x.length; i++) x[i] = r.nextDouble(-3, 3);
                for (int i = 0; i < n; i++) {
                    codes[i] = r.nextInt(2);
                    sw[i] = r.nextDouble(0, 2);
                }
                for (int j = 0; j < p.length; j++) p[j] = r.nextDouble(-1, 1);
                double c = 0.7;
                double[] grad = new double[p.length];
                double value = new LogisticLoss(new Matrix(x, n, d), codes, sw, 1, c, intercept).evaluate(p, grad);

                double expected = 0;
                double[] expectedGrad = new double[p.length];
                for (int i = 0; i < n; i++) {
                    double t = intercept ? p[d] : 0;
                    for (int j = 0; j < d; j++) t += x[i * d + j] * p[j];
                    double y = codes[i], sigma = 1 / (1 + Math.exp(-t));
                    expected += sw[i] * (Math.log1p(Math.exp(-Math.abs(t))) + Math.max(0, y == 1 ? -t : t));
                    for (int j = 0; j < d; j++) expectedGrad[j] += sw[i] * (sigma - y) * x[i * d + j];
                    if (intercept) expectedGrad[d] += sw[i] * (sigma - y);
                }
                for (int j = 0; j < d; j++) {
                    expected += p[j] * p[j] / (2 * c);
                    expectedGrad[j] += p[j] / c;
                }
                assertEquals(expected, value, 1e-11 * Math.abs(expected), "loss, d " + d);
                for (int j = 0; j < p.length; j++)
                    assertEquals(expectedGrad[j], grad[j], 1e-10 * (1 + Math.abs(expectedGrad[j])), "gradient " + j + ", d " + d + ", intercept " + intercept);
            }
        }
    }
}
