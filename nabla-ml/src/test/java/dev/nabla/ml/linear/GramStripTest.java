package dev.nabla.ml.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The register-tiled symmetric product against the plain triple loop, on its lower triangle. */
class GramStripTest {
    @Test
    void lowerTriangleOfBTransposeB() {
        SplittableRandom r = new SplittableRandom(11);
        int unit = GramStrip.widthMultiple();
        for (int width = unit; width <= 4 * Math.max(unit, 16); width += unit) {
            for (int rows : new int[] {1, 7, 64}) {
                double[] b = new double[rows * width], gram = new double[width * width], expected = new double[width * width];
                for (int i = 0; i < b.length; i++) b[i] = r.nextDouble(-1, 1);
                for (int i = 0; i < gram.length; i++) gram[i] = expected[i] = r.nextDouble();
                GramStrip.addLower(b, rows, width, gram);
                for (int k = 0; k < rows; k++)
                    for (int i = 0; i < width; i++)
                        for (int j = 0; j <= i; j++) expected[i * width + j] += b[k * width + i] * b[k * width + j];
                for (int i = 0; i < width; i++)
                    for (int j = 0; j <= i; j++)
                        assertEquals(expected[i * width + j], gram[i * width + j], 1e-12, "width " + width + " rows " + rows + " at " + i + "," + j);
            }
        }
    }
}
