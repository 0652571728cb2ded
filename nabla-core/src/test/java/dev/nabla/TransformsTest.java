package dev.nabla;

import static dev.nabla.Nabla.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TransformsTest {
    private static Tensor r(long seed, int... shape) {
        return randn(new Generator(seed), shape).toDouble();
    }

    private static void close(Tensor expected, Tensor actual) {
        assertArrayEquals(expected.shape(), actual.shape());
        assertTrue(actual.allclose(expected, 1e-9, 1e-10), () -> "expected " + expected + " got " + actual);
    }

    @Test
    void gradOfScalarFunction() {
        UnaryOperator<Tensor> df = grad(x -> x.sin().sum());
        Tensor x = r(1, 5);
        close(x.cos(), df.apply(x));
        // grad of grad: d/dx sum(cos x) = -sin x
        UnaryOperator<Tensor> d2 = grad(x2 -> grad(y -> y.sin().sum()).apply(x2).sum());
        close(x.sin().neg(), d2.apply(x));
    }

    @Test
    void valueAndGradOfSeveralArguments() {
        Tensor w = r(2, 3), b = r(3, 1), xs = r(4, 4, 3);
        var vg = valueAndGrad(a -> a[2].matmul(a[0]).add(a[1]).square().mean(), 0, 1).apply(new Tensor[] {w, b, xs});
        Tensor pred = xs.matmul(w).add(b);
        close(pred.square().mean(), vg.value());
        close(xs.t().matmul(pred).mul(2.0 / 4), vg.grads()[0]);
        close(pred.sum().mul(2.0 / 4).reshape(1), vg.grads()[1]);
    }

    @Test
    void vjpAndJvpAgreeWithTheJacobian() {
        Tensor a = r(5, 3, 3), x = r(6, 3), v = r(7, 3), u = r(8, 3);
        TensorFn f = t -> a.matmul(t[0]).tanh();
        Tensor y = a.matmul(x).tanh();
        Tensor jac = a.mul(y.square().rsub(1).unsqueeze(1)); // J[i][j] = (1 - y_i^2) a_ij
        var vjp = vjp(f, x);
        close(y, vjp.output());
        close(jac.t().matmul(u), vjp.pullback().apply(u)[0]);
        var jvp = jvp(f, new Tensor[] {x}, new Tensor[] {v});
        close(y, jvp.output());
        close(jac.matmul(v), jvp.tangent());
    }

    @Test
    void vmapMatchesALoop() {
        Tensor xs = r(9, 6, 4), w = r(10, 4, 3), bias = r(11, 3);
        TensorFn f = a -> a[0].matmul(a[1]).add(a[2]).softmax(0).sum(0, true).mul(a[0].sum());
        Tensor batched = vmap(f, new int[] {0, UNBATCHED, UNBATCHED}, 0).apply(xs, w, bias);
        Tensor[] rows = new Tensor[6];
        for (int i = 0; i < 6; i++) rows[i] = f.apply(xs.select(0, i), w, bias);
        close(stack(rows, 0), batched);
    }

    @Test
    void vmapOverOtherDimsAndNested() {
        Tensor a = r(12, 3, 5), b = r(13, 5, 2);
        // batch over dim 1 of a and dim 0 of b: out[i] = a[:, i] * b[i]
        Tensor out = vmap(t -> t[0].mul(t[1]).sum(), new int[] {1, 0}, 0).apply(a, b.select(1, 0));
        close(a.mul(b.select(1, 0).unsqueeze(0)).sum(0), out);
        // nested: outer over rows of a, inner over columns: an outer product
        Tensor x = r(14, 4), y = r(15, 3);
        TensorFn inner = vmap(t -> t[0].mul(t[1]), new int[] {UNBATCHED, 0}, 0);
        Tensor outer = vmap(t -> inner.apply(t[0], t[1]), new int[] {0, UNBATCHED}, 0).apply(x, y);
        close(x.outer(y), outer);
    }

    @Test
    void vmapOfGradGivesPerExampleGradients() {
        Tensor w = r(16, 4), xs = r(17, 8, 4), ys = r(18, 8);
        TensorFn loss = a -> a[0].dot(a[1]).sub(a[2]).square();
        MultiTensorFn perExample = vmap(grad(loss, 0), new int[] {UNBATCHED, 0, 0}, new int[] {0});
        Tensor g = perExample.apply(w, xs, ys)[0];
        Tensor[] rows = new Tensor[8];
        for (int i = 0; i < 8; i++) rows[i] = grad(loss, 0).apply(w, xs.select(0, i), ys.select(0, i))[0];
        close(stack(rows, 0), g);
    }

    @Test
    void gradOfVmap() {
        Tensor w = r(19, 3), xs = r(20, 5, 3);
        UnaryOperator<Tensor> total = ww -> vmap(a -> a[0].dot(a[1]).tanh(), new int[] {UNBATCHED, 0}, 0).apply(ww, xs).sum();
        Tensor g = grad(total).apply(w);
        Tensor expect = xs.t().matmul(xs.matmul(w).tanh().square().rsub(1));
        close(expect, g);
    }
}
