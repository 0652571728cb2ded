package dev.nabla.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nabla.DType;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Labels.fit finds the sorted distinct classes, whether there are a few (kept in a list) or many (sorted); encode maps them back. */
class LabelsTest {
    private static double[] reference(double[] y) {
        return Arrays.stream(y).sorted().distinct().toArray();
    }

    @Test
    void binaryTargetsEncodeAndRejectUnseenLabels() {
        double[] y = {1, 0, 0, 1, 1, 0};
        Labels labels = Labels.fit("Test", y, DType.INT64, 2);
        assertArrayEquals(new double[] {0, 1}, labels.classes());
        assertArrayEquals(new int[] {1, 0, 0, 1, 1, 0}, labels.encode("Test", y));
        assertEquals("Test: y contains previously unseen label 2; known labels: [0.0, 1.0]",
                assertThrows(IllegalArgumentException.class, () -> labels.encode("Test", new double[] {0, 2})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> labels.encode("Test", new double[] {-0.0}), "-0.0 is not the label 0.0");
        Labels signed = Labels.fit("Test", new double[] {-0.0, 0.0, -0.0}, DType.FLOAT64, 2);
        assertArrayEquals(new int[] {0, 1, 0}, signed.encode("Test", new double[] {-0.0, 0.0, -0.0}));
    }

    @Test
    void classesAreTheSortedDistinctValues() {
        SplittableRandom r = new SplittableRandom(1);
        for (int classes : new int[] {1, 2, 3, 10, 255, 256, 257, 1000}) {
            double[] y = new double[5000];
            for (int i = 0; i < y.length; i++) y[i] = r.nextInt(classes) * 0.5 - 7;
            if (classes > 1) {
                y[0] = -0.0; // -0.0 and 0.0 are distinct labels, as in sorted().distinct()
                y[1] = 0.0;
            }
            Labels labels = Labels.fit("Test", y, DType.FLOAT64, 1);
            assertArrayEquals(reference(y), labels.classes(), classes + " classes");
            int[] codes = labels.encode("Test", y);
            for (int i = 0; i < y.length; i++)
                if (Double.compare(labels.classes()[codes[i]], y[i]) != 0) throw new AssertionError("code of sample " + i);
        }
    }
}
