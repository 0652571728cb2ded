package dev.nabla;

import static dev.nabla.Nabla.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class AutogradTest {
    private static Tensor r(long seed, int... shape) {
        return randn(new Generator(seed), shape).toDouble();
    }

    @Test
    void gradientsOfElementwiseOpsMatchFiniteDifferences() {
        Tensor x = r(1, 3, 4);
        Tensor pos = r(2, 3, 4).abs().add(0.5);
        assertTrue(gradcheck(a -> a[0].exp().mul(a[0].sin()).add(a[0].tanh()), x));
        assertTrue(gradcheck(a -> a[0].sigmoid().mul(a[0].gelu()).add(a[0].gelu("tanh")).add(a[0].silu()), x));
        assertTrue(gradcheck(a -> a[0].log().add(a[0].sqrt()).add(a[0].rsqrt()).add(a[0].reciprocal()).add(a[0].log1p()), pos));
        assertTrue(gradcheck(a -> a[0].elu(0.7).add(a[0].softplus(2, 20)).add(a[0].leakyRelu(0.1)).add(a[0].expm1()), x));
        assertTrue(gradcheck(a -> a[0].pow(3).add(a[0].cos()).add(a[0].erf()), x));
    }

    @Test
    void gradientsOfBroadcastingBinaryOps() {
        Tensor a = r(3, 2, 3, 4), b = r(4, 3, 1), c = r(5, 4).abs().add(1);
        assertTrue(gradcheck(t -> t[0].mul(t[1]).add(t[2]).div(t[2]), a, b, c));
        assertTrue(gradcheck(t -> t[0].sub(t[1]).maximum(t[2]).minimum(t[1].mul(3)), a, b, c));
        assertTrue(gradcheck(t -> t[0].abs().add(0.5).pow(t[1]), r(6, 3, 4), r(7, 4)));
    }

    @Test
    void gradientsOfReductionsAndSoftmax() {
        Tensor x = r(8, 3, 4, 5);
        assertTrue(gradcheck(t -> t[0].sum(1, true).mul(t[0].mean(new int[] {0, 2}, true)), x));
        assertTrue(gradcheck(t -> t[0].var(new int[] {1}, true, false).add(t[0].std(2, false, false).sum(1, true)), x));
        assertTrue(gradcheck(t -> t[0].logsumexp(2, false), x));
        assertTrue(gradcheck(t -> t[0].softmax(1).mul(t[0].logSoftmax(2)), x));
        assertTrue(gradcheck(t -> t[0].amax(new int[] {2}, false).add(t[0].amin(new int[] {1}, false).sum(1, true)), x));
        assertTrue(gradcheck(t -> t[0].prod(1, false), x));
        assertTrue(gradcheck(t -> t[0].norm(2, new int[] {0, 1}, false), x));
    }

    @Test
    void gradientsOfMatmulAndViews() {
        Tensor a = r(9, 2, 3, 4), b = r(10, 4, 5), v = r(11, 4);
        assertTrue(gradcheck(t -> t[0].matmul(t[1]), a, b));
        assertTrue(gradcheck(t -> t[0].matmul(t[1]), a, v));
        assertTrue(gradcheck(t -> t[1].matmul(t[0].transpose(1, 2).reshape(2, 4, 3)), a, v.unsqueeze(0)));
        assertTrue(gradcheck(t -> t[0].permute(2, 0, 1).slice(0, 1, 4, 2).expand(3, 2, 2, 3).sum(0), a));
        assertTrue(gradcheck(t -> cat(new Tensor[] {t[0], t[1].unsqueeze(0).expand(2, 4, 5).slice(2, 0, 4).transpose(1, 2)}, 1), a, b));
        assertTrue(gradcheck(t -> where(t[0].gt(0), t[0], t[1]), r(12, 3, 3), r(13, 3)));
    }

    @Test
    void backwardAccumulatesIntoLeaves() {
        Tensor x = tensor(new double[] {1, 2, 3}).requiresGrad(true);
        x.mul(x).sum().backward();
        x.mul(2).sum().backward();
        assertArrayEquals(new double[] {4, 6, 8}, x.grad().toDoubleArray(), 1e-12);
        x.zeroGrad();
        assertNull(x.grad());
    }

    @Test
    void secondBackwardWithoutRetainGraphFails() {
        Tensor x = tensor(new double[] {1, 2}).requiresGrad(true);
        Tensor y = x.exp().sum();
        y.backward(null, true, false);
        y.backward();
        var e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("retainGraph"), e.getMessage());
    }

    @Test
    void createGraphGivesSecondDerivatives() {
        Tensor x = tensor(new double[] {0.5, -1.5, 2}).requiresGrad(true);
        Tensor y = x.pow(3).sum();
        Tensor g = Autograd.grad(new Tensor[] {y}, new Tensor[] {x}, null, true, true, false)[0];
        assertArrayEquals(new double[] {0.75, 6.75, 12}, g.toDoubleArray(), 1e-12);
        g.sum().backward();
        assertArrayEquals(new double[] {3, -9, 12}, x.grad().toDoubleArray(), 1e-12);
    }

    @Test
    void hooksSeeAndReplaceGradients() {
        Tensor x = tensor(new double[] {1, 2}).requiresGrad(true);
        Tensor h = x.mul(3);
        double[] seen = new double[2];
        h.registerHook(g -> {
            System.arraycopy(g.toDoubleArray(), 0, seen, 0, 2);
            return g.mul(10);
        });
        h.sum().backward();
        assertArrayEquals(new double[] {1, 1}, seen);
        assertArrayEquals(new double[] {30, 30}, x.grad().toDoubleArray(), 1e-12);
    }

    @Test
    void inPlaceWriteToSavedTensorIsRejected() {
        Tensor w = tensor(new double[] {1, 2});
        Tensor x = tensor(new double[] {3, 4}).requiresGrad(true);
        Tensor y = x.mul(w).sum();
        w.add_(1);
        var e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("modified by an in-place operation"), e.getMessage());
    }

    @Test
    void inPlaceOnLeafRequiringGradIsRejectedOutsideNoGrad() {
        Tensor x = ones(3).requiresGrad(true);
        assertThrows(IllegalStateException.class, () -> x.mul_(2));
        try (var g = noGrad()) {
            x.mul_(2);
        }
        assertArrayEquals(new float[] {2, 2, 2}, x.toFloatArray());
    }

    @Test
    void noGradScopeStopsRecording() {
        Tensor x = ones(2).requiresGrad(true);
        try (var g = noGrad()) {
            assertFalse(x.mul(2).requiresGrad());
            try (var e = enableGrad()) {
                assertTrue(x.mul(2).requiresGrad());
            }
        }
        assertTrue(x.mul(2).requiresGrad());
        assertEquals("MulBackward", x.mul(2).gradFn().name());
    }

    /** A user-defined differentiable function: x squared, with a backward rule given by the caller. */
    private static final class Square extends dev.nabla.ops.Op {
        private final double slope;

        Square(double slope) {
            this.slope = slope;
        }

        @Override public String name() { return "my_square"; }
        @Override public Tensor forward(Tensor[] in) { return in[0].mul(in[0]); }
        @Override public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) {
            return new Tensor[] {g.mul(in[0]).mul(slope)};
        }
    }

    @Test
    void customFunctionsJoinTheTapeAndGradcheckCatchesAWrongRule() {
        Tensor x = r(20, 4);
        assertTrue(gradcheck(a -> Dispatch.call(new Square(2), a[0]).sin(), x));
        Tensor y = Dispatch.call(new Square(2), x.requiresGrad(true));
        assertEquals("MySquareBackward", y.gradFn().name());
        assertThrows(GradCheck.GradcheckException.class, () -> gradcheck(a -> Dispatch.call(new Square(1), a[0]), x));
    }
}
