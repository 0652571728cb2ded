package dev.nabla;

import static dev.nabla.Nabla.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.nabla.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConvTest {
    private static Tensor r(long seed, int... shape) {
        return randn(new Generator(seed), shape).toDouble();
    }

    private static int[] p2(int a, int b) {
        return new int[] {a, b};
    }

    static List<Fixtures.Case> convCases() {
        return Fixtures.load("conv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convCases")
    void matchesPyTorch(Fixtures.Case c) {
        Fixtures.check(c, in -> {
            Tensor b = in.length > 2 ? in[2] : null;
            int groups = c.intParam("groups", 1);
            return switch (c.op()) {
                case "conv1d" -> Functional.conv1d(in[0], in[1], b, c.intParam("stride", 1), c.intParam("padding", 0), c.intParam("dilation", 1), groups);
                case "conv2d" -> Functional.conv2d(in[0], in[1], b, c.intsParam("stride", 2, 1), c.intsParam("padding", 2, 0),
                        c.intsParam("dilation", 2, 1), groups);
                case "conv_transpose1d" -> Functional.convTranspose1d(in[0], in[1], b, c.intParam("stride", 1), c.intParam("padding", 0),
                        c.intParam("output_padding", 0), groups, c.intParam("dilation", 1));
                case "conv_transpose2d" -> Functional.convTranspose2d(in[0], in[1], b, c.intsParam("stride", 2, 1), c.intsParam("padding", 2, 0),
                        c.intsParam("output_padding", 2, 0), groups, c.intsParam("dilation", 2, 1));
                default -> throw new AssertionError("unexpected op " + c.op());
            };
        }, 1e-9, 1e-10);
    }

    @Test
    void gradcheckConv2dWithStrideDilationGroupsAndBias() {
        assertTrue(gradcheck(t -> Functional.conv2d(t[0], t[1], t[2], p2(2, 1), p2(1, 2), p2(2, 1), 2), r(1, 2, 4, 6, 7), r(2, 6, 2, 3, 2), r(3, 6)));
        assertTrue(gradcheck(t -> Functional.conv2d(t[0], t[1], null, p2(1, 1), p2(0, 0), p2(1, 1), 1), r(4, 1, 3, 4, 4), r(5, 2, 3, 1, 1)));
        assertTrue(gradcheck(t -> Functional.conv1d(t[0], t[1], t[2], 2, 1, 2, 3), r(6, 2, 3, 9), r(7, 3, 1, 3), r(8, 3)));
    }

    @Test
    void gradcheckConvTranspose() {
        assertTrue(gradcheck(t -> Functional.convTranspose2d(t[0], t[1], t[2], p2(2, 3), p2(1, 0), p2(1, 2), 2, p2(1, 2)),
                r(9, 2, 4, 3, 3), r(10, 4, 1, 3, 2), r(11, 2)));
        assertTrue(gradcheck(t -> Functional.convTranspose1d(t[0], t[1], null, 3, 1, 2, 1, 1), r(12, 1, 2, 4), r(13, 2, 3, 4)));
    }

    /** The gradient of f's scalar output with respect to argument i, itself differentiable (create_graph). */
    private static TensorFn gradOf(TensorFn f, int i) {
        return t -> {
            try (var ignored = enableGrad()) {
                return Autograd.grad(new Tensor[] {f.apply(t)}, new Tensor[] {t[i]}, null, true, true, false)[0];
            }
        };
    }

    /** Second derivatives go through the transposed and weight-gradient ops, which must be exact adjoints. */
    @Test
    void secondOrderGradientsAreExact() {
        TensorFn inputGrad = gradOf(t -> Functional.conv2d(t[0], t[1], null, p2(2, 1), p2(1, 1), p2(1, 2), 2).square().sum(), 0);
        assertTrue(gradcheck(inputGrad, r(14, 1, 4, 5, 6), r(15, 4, 2, 2, 3)));
        TensorFn weightGrad = gradOf(t -> Functional.convTranspose2d(t[0], t[1], null, p2(2, 2), p2(0, 1), p2(1, 0), 1, p2(1, 1)).tanh().sum(), 1);
        assertTrue(gradcheck(weightGrad, r(16, 1, 2, 3, 3), r(17, 2, 3, 2, 2)));
    }

    @Test
    void unbatchedInputMatchesBatchOfOne() {
        Tensor x = r(18, 3, 6, 5), w = r(19, 4, 3, 3, 3), b = r(20, 4);
        Tensor one = Functional.conv2d(x.unsqueeze(0), w, b, p2(1, 1), p2(1, 1), p2(1, 1), 1).squeeze(0);
        Tensor un = Functional.conv2d(x, w, b, p2(1, 1), p2(1, 1), p2(1, 1), 1);
        assertArrayEquals(new int[] {4, 6, 5}, un.shape());
        assertTrue(un.allclose(one, 0, 0));
        Tensor t = Functional.convTranspose2d(x.slice(0, 0, 2), r(21, 2, 3, 2, 2), null, p2(2, 2), p2(0, 0), p2(0, 0), 1, p2(1, 1));
        assertArrayEquals(new int[] {3, 12, 10}, t.shape());
    }

    /** The float32 kernels (and the pointwise and multi-threaded paths) against float64. */
    @Test
    void float32MatchesFloat64() {
        Tensor x = r(22, 8, 6, 17, 13), w = r(23, 12, 3, 3, 3), b = r(24, 12), w1 = r(25, 12, 6, 1, 1);
        Tensor[] xs = {x, x.toFloat()}, ws = {w, w.toFloat()}, bs = {b, b.toFloat()}, w1s = {w1, w1.toFloat()};
        Tensor[] outs = new Tensor[2], points = new Tensor[2], grads = new Tensor[4];
        for (int i = 0; i < 2; i++) {
            Tensor xi = xs[i].detach().requiresGrad(true), wi = ws[i].detach().requiresGrad(true);
            outs[i] = Functional.conv2d(xi, wi, bs[i], p2(2, 1), p2(1, 2), p2(1, 2), 2);
            points[i] = Functional.conv2d(xs[i], w1s[i], null, p2(1, 1), p2(0, 0), p2(1, 1), 1);
            Tensor[] g = Autograd.grad(new Tensor[] {outs[i].square().sum()}, new Tensor[] {xi, wi}, null, false, false, false);
            grads[2 * i] = g[0];
            grads[2 * i + 1] = g[1];
        }
        assertEquals(DType.FLOAT32, outs[1].dtype());
        assertTrue(outs[1].toDouble().allclose(outs[0], 1e-4, 1e-4));
        assertTrue(points[1].toDouble().allclose(points[0], 1e-4, 1e-4));
        assertTrue(grads[2].toDouble().allclose(grads[0], 1e-4, 1e-3));
        assertTrue(grads[3].toDouble().allclose(grads[1], 1e-4, 1e-2));
    }

    @Test
    void vmapOfConvMatchesALoop() {
        Tensor xs = r(26, 3, 2, 4, 5, 5), ws = r(27, 3, 6, 2, 3, 3), w = ws.select(0, 0), b = r(28, 6), bs = r(29, 3, 6);
        TensorFn f = t -> Functional.conv2d(t[0], t[1], t[2], p2(1, 2), p2(1, 0), p2(1, 1), 2);
        Tensor sharedWeight = vmap(f, new int[] {0, UNBATCHED, UNBATCHED}, 0).apply(xs, w, b);
        Tensor perExampleWeight = vmap(f, new int[] {0, 0, 0}, 0).apply(xs, ws, bs);
        Tensor sharedInput = vmap(f, new int[] {UNBATCHED, 0, UNBATCHED}, 0).apply(xs.select(0, 1), ws, b);
        Tensor transposed = vmap(t -> Functional.convTranspose2d(t[0], t[1], null, p2(2, 1), p2(0, 0), p2(1, 0), 2, p2(1, 1)),
                new int[] {0, 0}, 0).apply(xs, ws.transpose(1, 2).reshape(3, 4, 3, 3, 3).contiguous());
        for (int i = 0; i < 3; i++) {
            assertTrue(sharedWeight.select(0, i).allclose(f.apply(xs.select(0, i), w, b), 1e-12, 1e-12));
            assertTrue(perExampleWeight.select(0, i).allclose(f.apply(xs.select(0, i), ws.select(0, i), bs.select(0, i)), 1e-12, 1e-12));
            assertTrue(sharedInput.select(0, i).allclose(f.apply(xs.select(0, 1), ws.select(0, i), b), 1e-12, 1e-12));
            Tensor wt = ws.transpose(1, 2).reshape(3, 4, 3, 3, 3).select(0, i);
            assertTrue(transposed.select(0, i).allclose(
                    Functional.convTranspose2d(xs.select(0, i), wt, null, p2(2, 1), p2(0, 0), p2(1, 0), 2, p2(1, 1)), 1e-12, 1e-12));
        }
    }

    /** vmap(grad): per-example weight gradients fold the examples into the groups of one convolution. */
    @Test
    void perExampleGradientsWithVmapOfGrad() {
        Tensor w = r(30, 4, 2, 3, 3), xs = r(31, 5, 1, 2, 6, 6);
        TensorFn loss = t -> Functional.conv2d(t[1], t[0], null, p2(1, 1), p2(1, 1), p2(2, 2), 1).tanh().sum();
        Tensor per = vmap(grad(loss, 0), new int[] {UNBATCHED, 0}, new int[] {0}).apply(w, xs)[0];
        assertArrayEquals(new int[] {5, 4, 2, 3, 3}, per.shape());
        for (int i = 0; i < 5; i++) assertTrue(per.select(0, i).allclose(grad(loss, 0).apply(w, xs.select(0, i))[0], 1e-10, 1e-12));
    }

    @Test
    void badShapesGiveClearErrors() {
        Tensor x = zeros(2, 3, 8, 8);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Functional.conv2d(x, zeros(4, 2, 3, 3), null, p2(1, 1), p2(0, 0), p2(1, 1), 1));
        assertEquals("conv2d: input [2, 3, 8, 8] has 3 channels, weight [4, 2, 3, 3] expects 2 x groups(1) = 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Functional.conv2d(x, zeros(4, 3, 9, 3), null));
        assertTrue(e.getMessage().startsWith("conv2d: input [2, 3, 8, 8] is too small for weight [4, 3, 9, 3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Functional.conv2d(x, zeros(4, 3, 3, 3), zeros(5)));
        assertEquals("conv2d: bias [5] must have shape [4]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Functional.conv2d(x, zeros(4, 3, 3), null));
        assertEquals("conv2d: expects a 4-d weight [O, C/groups, k...], got [4, 3, 3]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Functional.conv2d(zeros(3, 8), zeros(4, 3, 3, 3), null));
        assertEquals("conv2d: expects input [C, H, W] or [N, C, H, W], got [3, 8]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Functional.conv2d(x, zeros(DType.FLOAT64, 4, 3, 3, 3), null));
        assertEquals("conv2d: input is float32 but weight is float64; convert one first", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Functional.conv1d(zeros(1, 4, 8), zeros(3, 2, 3), null, 1, 0, 1, 2));
        assertEquals("conv1d: weight [3, 2, 3] has 3 output channels, not divisible by groups(2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Functional.conv2d(x, zeros(4, 3, 3, 3), null, p2(0, 1), p2(0, 0), p2(1, 1), 1));
        assertEquals("conv2d: stride must be >= 1, got [0, 1]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Functional.convTranspose2d(x, zeros(4, 2, 3, 3), null, p2(1, 1), p2(0, 0), p2(0, 0), 1, p2(1, 1)));
        assertEquals("conv_transpose2d: input [2, 3, 8, 8] has 3 channels, weight [4, 2, 3, 3] expects 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Functional.convTranspose2d(x, zeros(3, 2, 3, 3), null, p2(2, 2), p2(0, 0), p2(2, 0), 1, p2(1, 1)));
        assertTrue(e.getMessage().startsWith("conv_transpose2d: outputPadding [2, 0] must be"), e.getMessage());
    }
}
