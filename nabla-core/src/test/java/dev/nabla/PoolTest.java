package dev.nabla;

import static dev.nabla.Nabla.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.nabla.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PoolTest {
    private static Tensor r(long seed, int... shape) {
        return randn(new Generator(seed), shape).toDouble();
    }

    private static int[] p2(int a, int b) {
        return new int[] {a, b};
    }

    static List<Fixtures.Case> poolCases() {
        return Fixtures.load("pool");
    }

    /** Runs a fixture case: values, then indices for the cases that return them. */
    private static Nabla.ValuesIndices run(Fixtures.Case c, Tensor x) {
        boolean ceil = c.boolParam("ceil_mode", false);
        return switch (c.op()) {
            case "max_pool1d" -> Functional.maxPool1dWithIndices(x, c.intParam("kernel_size", 0), c.intParam("stride", c.intParam("kernel_size", 0)),
                    c.intParam("padding", 0), c.intParam("dilation", 1), ceil);
            case "max_pool2d" -> {
                int[] k = c.intsParam("kernel_size", 2, 0);
                yield Functional.maxPool2dWithIndices(x, k, c.params().has("stride") ? c.intsParam("stride", 2, 1) : k,
                        c.intsParam("padding", 2, 0), c.intsParam("dilation", 2, 1), ceil);
            }
            case "adaptive_max_pool2d" -> Functional.adaptiveMaxPool2dWithIndices(x, c.intsParam("output_size", 2, 0));
            case "avg_pool1d" -> new Nabla.ValuesIndices(Functional.avgPool1d(x, c.intParam("kernel_size", 0),
                    c.intParam("stride", c.intParam("kernel_size", 0)), c.intParam("padding", 0), ceil, c.boolParam("count_include_pad", true)), null);
            case "avg_pool2d" -> {
                int[] k = c.intsParam("kernel_size", 2, 0);
                int[] s = c.params().has("stride") ? c.intsParam("stride", 2, 1) : k;
                boolean incl = c.boolParam("count_include_pad", true);
                int[] pad = c.intsParam("padding", 2, 0);
                yield new Nabla.ValuesIndices(c.params().has("divisor_override")
                        ? Functional.avgPool2d(x, k, s, pad, ceil, incl, c.intParam("divisor_override", 0))
                        : Functional.avgPool2d(x, k, s, pad, ceil, incl), null);
            }
            case "adaptive_avg_pool2d" -> new Nabla.ValuesIndices(Functional.adaptiveAvgPool2d(x, c.intsParam("output_size", 2, 0)), null);
            default -> throw new AssertionError("unexpected op " + c.op());
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poolCases")
    void matchesPyTorch(Fixtures.Case c) {
        Fixtures.check(c, in -> run(c, in[0]).values(), 1e-12, 1e-12);
        if (c.outputs().size() > 1) {
            Tensor idx = run(c, c.input(0)).indices();
            assertEquals(DType.INT64, idx.dtype());
            assertTrue(c.outputs().get(1).equal(idx), c.name() + " indices: " + idx);
        }
    }

    @Test
    void gradcheckPooling() {
        Tensor x = r(1, 2, 3, 7, 6);
        assertTrue(gradcheck(t -> Functional.maxPool2d(t[0], p2(3, 2), p2(2, 1), p2(1, 1), p2(1, 2), true), x));
        assertTrue(gradcheck(t -> Functional.maxPool1d(t[0], 3, 2, 1, 2, false), r(2, 2, 11)));
        assertTrue(gradcheck(t -> Functional.avgPool2d(t[0], p2(3, 3), p2(2, 2), p2(1, 1), true, false), x));
        assertTrue(gradcheck(t -> Functional.avgPool2d(t[0], p2(2, 3), p2(1, 2), p2(1, 1), true, true), x));
        assertTrue(gradcheck(t -> Functional.avgPool1d(t[0], 4, 3, 2, true, true), r(3, 1, 2, 10)));
        assertTrue(gradcheck(t -> Functional.adaptiveAvgPool2d(t[0], p2(4, 5)), x));
        assertTrue(gradcheck(t -> Functional.adaptiveMaxPool2d(t[0], p2(3, 4)), x));
    }

    /** The window ops come in adjoint pairs (avg / its spread, gather / scatter-add), so second order is exact. */
    @Test
    void secondOrderGradients() {
        TensorFn avg = t -> {
            try (var ignored = enableGrad()) {
                Tensor y = Functional.avgPool2d(t[0], p2(3, 2), p2(2, 1), p2(1, 0), true, false).pow(3).sum();
                return Autograd.grad(new Tensor[] {y}, new Tensor[] {t[0]}, null, true, true, false)[0];
            }
        };
        assertTrue(gradcheck(avg, r(4, 1, 2, 5, 6)));
        TensorFn max = t -> {
            try (var ignored = enableGrad()) {
                Tensor y = Functional.maxPool2d(t[0], p2(2, 2), p2(1, 2), p2(0, 1), p2(1, 1), false).pow(3).sum();
                return Autograd.grad(new Tensor[] {y}, new Tensor[] {t[0]}, null, true, true, false)[0];
            }
        };
        assertTrue(gradcheck(max, r(5, 1, 2, 5, 6)));
    }

    @Test
    void float32MatchesFloat64AndUnbatchedInputs() {
        Tensor x = r(6, 2, 3, 9, 8);
        Tensor f = Functional.maxPool2d(x.toFloat(), p2(3, 3), p2(2, 2), p2(1, 1), p2(1, 1), true);
        assertEquals(DType.FLOAT32, f.dtype());
        assertTrue(f.toDouble().allclose(Functional.maxPool2d(x, p2(3, 3), p2(2, 2), p2(1, 1), p2(1, 1), true), 1e-6, 1e-6));
        Tensor a = Functional.avgPool2d(x.toFloat(), p2(2, 3), p2(2, 2), p2(1, 1), false, true);
        assertTrue(a.toDouble().allclose(Functional.avgPool2d(x, p2(2, 3), p2(2, 2), p2(1, 1), false, true), 1e-5, 1e-6));
        Tensor un = Functional.adaptiveAvgPool2d(x.select(0, 1), p2(2, 3));
        assertArrayEquals(new int[] {3, 2, 3}, un.shape());
        assertTrue(un.allclose(Functional.adaptiveAvgPool2d(x, p2(2, 3)).select(0, 1), 0, 0));
        Tensor un1 = Functional.maxPool1d(x.select(0, 0).select(1, 0), 2, 2, 0, 1, false);
        assertArrayEquals(new int[] {3, 4}, un1.shape());
    }

    @Test
    void maxPoolPadsWithMinusInfinityAndPropagatesNaN() {
        Tensor x = tensor(new double[] {-5, -6, -7, -8}, 1, 1, 4);
        Nabla.ValuesIndices r = Functional.maxPool1dWithIndices(x, 2, 2, 1, 1, false);
        assertArrayEquals(new double[] {-5, -6, -8}, r.values().toDoubleArray());
        assertArrayEquals(new long[] {0, 1, 3}, r.indices().toLongArray());
        Tensor n = tensor(new double[] {1, Double.NaN, 3, 2}, 1, 1, 4);
        Nabla.ValuesIndices m = Functional.maxPool1dWithIndices(n, 2, 2, 0, 1, false);
        assertTrue(Double.isNaN(m.values().toDoubleArray()[0]));
        assertArrayEquals(new long[] {1, 2}, m.indices().toLongArray());
    }

    @Test
    void vmapOfPoolingMatchesALoop() {
        Tensor xs = r(7, 3, 2, 2, 6, 7);
        TensorFn max = t -> Functional.maxPool2d(t[0], p2(2, 3), p2(2, 2), p2(1, 1), p2(1, 1), true);
        TensorFn avg = t -> Functional.avgPool2d(t[0], p2(3, 3), p2(2, 2), p2(1, 1), false, false);
        Tensor bm = vmap(max, new int[] {0}, 0).apply(xs), ba = vmap(avg, new int[] {0}, 0).apply(xs);
        Tensor w = r(8, 2, 2, 4, 4);
        MultiTensorFn perExample = vmap(grad(t -> max.apply(t[0]).mul(t[1]).sum(), 0), new int[] {0, UNBATCHED}, new int[] {0});
        Tensor g = perExample.apply(xs, w)[0];
        for (int i = 0; i < 3; i++) {
            assertTrue(bm.select(0, i).allclose(max.apply(xs.select(0, i)), 0, 0));
            assertTrue(ba.select(0, i).allclose(avg.apply(xs.select(0, i)), 1e-14, 1e-14));
            Tensor gi = grad(t -> max.apply(t[0]).mul(t[1]).sum(), 0).apply(xs.select(0, i), w)[0];
            assertTrue(g.select(0, i).allclose(gi, 0, 0));
        }
    }

    @Test
    void badArgumentsGiveClearErrors() {
        Tensor x = zeros(2, 3, 5, 5);
        var e = assertThrows(IllegalArgumentException.class, () -> Functional.maxPool2d(x, p2(2, 2), p2(2, 2), p2(2, 0), p2(1, 1), false));
        assertEquals("max_pool2d: height padding 2 must be at most half the kernel size 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Functional.avgPool2d(x, p2(6, 2), p2(1, 1), p2(0, 0), false, true));
        assertEquals("avg_pool2d: height input size 5 is too small for kernel 6 with padding 0 and dilation 1 (output size would be 0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Functional.maxPool1d(x, 2, 2, 0, 1, false));
        assertEquals("max_pool1d: expects input [C, L] or [N, C, L], got [2, 3, 5, 5]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Functional.adaptiveAvgPool2d(x, p2(0, 2)));
        assertEquals("adaptive_avg_pool2d: height output size must be positive, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Functional.maxPool2d(zeros(DType.INT64, 1, 4, 4), 2));
        assertEquals("max_pool2d: input must be float32 or float64, got int64", e.getMessage());
    }
}
