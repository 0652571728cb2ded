package dev.nabla.data;

import static org.junit.jupiter.api.Assertions.*;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

class ImageTransformsTest {
    @Test
    void normalizePerChannel() {
        Tensor img = Nabla.tensor(new float[] {1, 3, 10, 20}, 2, 1, 2); // channel 0: 1, 3; channel 1: 10, 20
        Tensor out = new Normalize(new double[] {1, 10}, new double[] {2, 5}).apply(img);
        assertArrayEquals(new float[] {0, 1, 0, 2}, out.toFloatArray());
        var e = assertThrows(IllegalArgumentException.class, () -> new Normalize(new double[] {0.5}, new double[] {1}).apply(img));
        assertTrue(e.getMessage().contains("[2, 1, 2]"), e.getMessage());
    }

    @Test
    void randomCropIsAWindowOfTheZeroPaddedImage() {
        Tensor img = Nabla.arange(1, 10, 1).reshape(1, 3, 3).toFloat(); // 1..9
        float[][] padded = new float[5][5];
        for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++) padded[r + 1][c + 1] = 1 + 3 * r + c;
        RandomCrop crop = new RandomCrop(3, 3, 1, new Generator(5));
        java.util.Set<Integer> corners = new java.util.HashSet<>();
        for (int trial = 0; trial < 200; trial++) {
            float[] v = crop.apply(img).toFloatArray();
            corners.add(windowOf(padded, v));
        }
        assertEquals(9, corners.size(), "200 crops should reach all 9 corners of a 5x5 padded image");
        assertTrue(new RandomCrop(3, 3, 0, new Generator(1)).apply(img).equal(img));
    }

    /** The corner (top * 3 + left) of the 3x3 window of padded that equals v; fails when there is none. */
    private static int windowOf(float[][] padded, float[] v) {
        for (int top = 0; top < 3; top++)
            for (int left = 0; left < 3; left++) {
                boolean same = true;
                for (int k = 0; k < 9 && same; k++) same = padded[top + k / 3][left + k % 3] == v[k];
                if (same) return top * 3 + left;
            }
        return fail("crop " + java.util.Arrays.toString(v) + " is no window of the padded image");
    }

    @Test
    void flipMirrorsTheLastDimensionWithProbabilityP() {
        Tensor img = Nabla.tensor(new float[] {1, 2, 3, 4, 5, 6}, 1, 2, 3);
        assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4}, new RandomHorizontalFlip(1, new Generator(0)).apply(img).toFloatArray());
        assertSame(img, new RandomHorizontalFlip(0, new Generator(0)).apply(img));
        RandomHorizontalFlip half = new RandomHorizontalFlip(0.5, new Generator(7));
        int flips = 0;
        for (int i = 0; i < 1000; i++) if (half.apply(img).get(0, 0, 0) == 3) flips++;
        assertTrue(flips > 430 && flips < 570, flips + " flips of 1000");
    }

    @Test
    void seededTransformsRepeat() {
        Tensor img = Nabla.rand(new Generator(0), 3, 8, 8);
        var a = ImageTransforms.compose(new RandomCrop(6, 6, 2, new Generator(11)), new RandomHorizontalFlip(0.5, new Generator(12)));
        var b = ImageTransforms.compose(new RandomCrop(6, 6, 2, new Generator(11)), new RandomHorizontalFlip(0.5, new Generator(12)));
        for (int i = 0; i < 5; i++) assertTrue(a.apply(img).equal(b.apply(img)));
    }
}
