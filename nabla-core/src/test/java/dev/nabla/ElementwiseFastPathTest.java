package dev.nabla;

import static dev.nabla.Nabla.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The float32 vector paths against the scalar formulas they shortcut (float64 runs those). */
class ElementwiseFastPathTest {
    private static Tensor r(long seed, int... shape) {
        return randn(new Generator(seed), shape);
    }

    @Test
    void reluBackwardPassesTheGradientWhereTheInputIsPositive() {
        Tensor x = r(1, 5, 37).requiresGrad(true), g = r(2, 5, 37);
        x.relu().backward(g);
        Tensor expected = where(x.detach().gt(0), g, zerosLike(g)); // +0 where blocked, as PyTorch's threshold_backward
        assertArrayEquals(expected.toFloatArray(), x.grad().toFloatArray());
        Tensor x64 = x.detach().toDouble().requiresGrad(true);
        x64.relu().backward(g.toDouble());
        assertArrayEquals(expected.toFloatArray(), x64.grad().toFloatArray(), "the scalar float64 path agrees");
    }

    @Test
    void reluHasSecondDerivativesThroughItsBackward() {
        // d/dx of the gradient of sum(relu(x) * x) = 2x [x > 0] goes back through threshold_backward
        assertTrue(gradcheck(a -> grad((Tensor x) -> x.relu().mul(x).sum()).apply(a[0]), r(3, 4, 6).toDouble()));
    }

    @Test
    void unaryOnAViewWithContiguousRowsMatchesTheDenseResult() {
        Tensor gates = r(4, 6, 4 * 40); // the LSTM's chunk(4, 1): column blocks of contiguous rows
        for (Tensor chunk : gates.chunk(4, 1)) {
            assertFalse(chunk.isContiguous());
            Tensor dense = chunk.contiguous();
            // within an ulp or two: a row's tail runs the scalar formula, the dense loop's the vector one
            assertArrayEquals(dense.sigmoid().toFloatArray(), chunk.sigmoid().toFloatArray(), 1e-6f);
            assertArrayEquals(dense.tanh().toFloatArray(), chunk.tanh().toFloatArray(), 1e-6f);
        }
    }
}
