package dev.nabla.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nabla.DType;
import dev.nabla.Functional;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.cpu.Simd;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The direct float32 kernel against the im2col + GEMM path on shapes that hit every border and tail case. */
class DirectConvTest {
    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Parallel.maxThreads());
    }

    /** Checks direct == im2col within 1e-4 (relative to max(1, |value|)) for one geometry. */
    private static void check(int n, int c, int h, int w, int o, int kh, int kw, int[] stride, int[] pad, int[] dil,
                              int groups, boolean bias, long seed) {
        Tensor x = Nabla.randn(new Generator(seed), n, c, h, w);
        Tensor wt = Nabla.randn(new Generator(seed + 1), o, c / groups, kh, kw);
        Tensor b = bias ? Nabla.randn(new Generator(seed + 2), o) : null;
        ConvParams p = new ConvParams(stride, pad, dil, groups);
        ConvParams.Geometry g = p.geometry("conv2d", x.shape(), wt.shape());
        assertTrue(DirectConv.supports(g, DType.FLOAT32));
        float[] got = (float[]) DirectConv.conv(x, wt, b, g).storage().array();
        float[] want = (float[]) ConvKernels.convIm2col(x, wt, b, g).storage().array();
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) {
            if (Math.abs(got[i] - want[i]) > 1e-4 * Math.max(1, Math.abs(want[i])))
                fail("x " + Arrays.toString(x.shape()) + " w " + Arrays.toString(wt.shape()) + " stride " + Arrays.toString(stride)
                        + " pad " + Arrays.toString(pad) + " dil " + Arrays.toString(dil) + " groups " + groups + " bias " + bias
                        + ": element " + i + " is " + got[i] + ", im2col gives " + want[i]);
        }
    }

    @Test
    void matchesIm2colOnManyShapes() {
        assumeTrue(Simd.AVAILABLE, "the direct kernel needs the Vector API");
        Random rnd = new Random(11);
        int[] kernels = {1, 3, 5};
        int cases = 0;
        for (int threads = 1; threads <= 2; threads++) {
            Parallel.setThreads(threads);
            for (int k : kernels)
                for (int pad = 0; pad <= 2; pad++)
                    for (int c : new int[] {1, 2, 3, 5, 8, 17}) {
                        int n = 1 + rnd.nextInt(3), o = 1 + rnd.nextInt(17);
                        // Odd sizes around one and two vectors of 8 or 16 lanes, never smaller than the kernel.
                        int h = Math.max(k, 1 + rnd.nextInt(20)), w = Math.max(k, 1 + rnd.nextInt(37));
                        check(n, c, h, w, o, k, k, new int[] {1, 1}, new int[] {pad, pad}, new int[] {1, 1}, 1,
                                rnd.nextBoolean(), rnd.nextLong());
                        cases++;
                    }
        }
        assertEquals(108, cases);
    }

    @Test
    void matchesIm2colWithGroupsHeightStrideDilationAndUnevenPadding() {
        assumeTrue(Simd.AVAILABLE, "the direct kernel needs the Vector API");
        int[] one = {1, 1};
        check(2, 6, 9, 13, 9, 3, 3, one, one, one, 3, true, 1);                       // groups, og = 3 < 8
        check(3, 4, 11, 17, 16, 3, 2, new int[] {2, 1}, new int[] {1, 0}, one, 2, false, 2);  // height stride
        check(1, 3, 12, 33, 10, 3, 3, one, new int[] {2, 1}, new int[] {2, 3}, 1, true, 3);   // dilation
        check(2, 17, 5, 40, 24, 1, 5, one, new int[] {0, 2}, one, 1, true, 4);         // 1 x 5, three vectors a row
        check(1, 1, 1, 1, 1, 1, 1, one, new int[] {0, 0}, one, 1, true, 5);            // a single pixel
        check(2, 2, 3, 3, 5, 1, 1, one, new int[] {2, 2}, one, 1, true, 6);            // padding wider than the kernel
        check(64, 3, 32, 32, 32, 3, 3, one, one, one, 1, true, 7);                    // the benchmark shape
    }

    @Test
    void inputGradientMatchesCol2imWhereTheDirectKernelApplies() {
        assumeTrue(Simd.AVAILABLE, "the direct kernel needs the Vector API");
        int[] one = {1, 1};
        // {n, c, h, w, o, kh, kw, padH, padW, dilH, dilW, groups}
        int[][] shapes = {{2, 3, 9, 21, 5, 3, 3, 1, 1, 1, 1, 1}, {1, 4, 7, 17, 6, 3, 5, 0, 2, 1, 1, 2}, {3, 2, 12, 33, 17, 5, 3, 2, 1, 1, 1, 1},
                {1, 1, 6, 16, 1, 3, 3, 2, 2, 1, 1, 1}, {2, 6, 10, 19, 9, 3, 3, 2, 3, 1, 2, 3}, {64, 3, 32, 32, 32, 3, 3, 1, 1, 1, 1, 1}};
        int done = 0;
        for (int[] s : shapes) {
            ConvParams p = new ConvParams(one, new int[] {s[7], s[8]}, new int[] {s[9], s[10]}, s[11]);
            ConvParams.Geometry g = p.geometry("conv2d", new int[] {s[0], s[1], s[2], s[3]}, new int[] {s[4], s[1] / s[11], s[5], s[6]});
            Tensor gy = Nabla.randn(new Generator(done), g.n(), g.o(), g.oh(), g.ow());
            Tensor w = Nabla.randn(new Generator(done + 100), g.o(), g.cg(), g.kh(), g.kw());
            Tensor direct = DirectConv.inputGrad(gy, w, g);
            assertTrue(direct != null, "direct input gradient should apply to " + Arrays.toString(s));
            float[] got = (float[]) direct.storage().array(), want = (float[]) ConvKernels.inputGradIm2col(gy, w, g).storage().array();
            assertArrayEquals(new int[] {g.n(), g.c(), g.h(), g.w()}, direct.shape());
            for (int i = 0; i < want.length; i++)
                if (Math.abs(got[i] - want[i]) > 1e-4 * Math.max(1, Math.abs(want[i])))
                    fail(Arrays.toString(s) + ": element " + i + " is " + got[i] + ", col2im gives " + want[i]);
            done++;
        }
        ConvParams strided = new ConvParams(new int[] {2, 1}, one, one, 1);
        ConvParams.Geometry g = strided.geometry("conv2d", new int[] {1, 2, 8, 8}, new int[] {3, 2, 3, 3});
        assertEquals(null, DirectConv.inputGrad(Nabla.randn(new Generator(1), 1, 3, g.oh(), g.ow()), Nabla.randn(new Generator(2), 3, 2, 3, 3), g));
    }

    @Test
    void convPicksTheDirectKernelByTheDocumentedRule() {
        ConvParams p = new ConvParams(new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, 1);
        ConvParams.Geometry bench = p.geometry("conv2d", new int[] {64, 3, 32, 32}, new int[] {32, 3, 3, 3});
        assertEquals(Simd.AVAILABLE, DirectConv.applies(bench, DType.FLOAT32));
        assertFalse(DirectConv.applies(bench, DType.FLOAT64));
        ConvParams strided = new ConvParams(new int[] {1, 2}, new int[] {1, 1}, new int[] {1, 1}, 1);
        assertFalse(DirectConv.applies(strided.geometry("conv2d", new int[] {1, 3, 9, 9}, new int[] {4, 3, 3, 3}), DType.FLOAT32));
        ConvParams none = new ConvParams(new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}, 1);
        assertFalse(DirectConv.applies(none.geometry("conv2d", new int[] {1, 64, 9, 9}, new int[] {8, 64, 1, 1}), DType.FLOAT32));
        if (Simd.floatLanes() == 16)  // 7-wide rows fill under half of 16 lanes: large K goes to GEMM
            assertFalse(DirectConv.applies(p.geometry("conv2d", new int[] {1, 512, 7, 7}, new int[] {8, 512, 3, 3}), DType.FLOAT32));
    }

    @Test
    void functionalConv2dGivesTheSameAnswerEitherWay() {
        Tensor x = Nabla.randn(new Generator(21), 2, 3, 10, 19), w = Nabla.randn(new Generator(22), 5, 3, 3, 3), b = Nabla.randn(new Generator(23), 5);
        int[] one = {1, 1};
        Tensor y = Functional.conv2d(x, w, b, one, one, one, 1);
        Tensor ref = Functional.conv2d(x.toDouble(), w.toDouble(), b.toDouble(), one, one, one, 1);
        double[] r = (double[]) ref.contiguous().storage().array();
        float[] got = (float[]) y.contiguous().storage().array();
        float[] want = new float[r.length];
        for (int i = 0; i < r.length; i++) want[i] = (float) r[i];
        assertArrayEquals(want, got, 1e-4f);
    }
}
