package dev.nabla.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The single-pass Adam kernel against the tensor-op form it replaces. A transposed (non-contiguous)
 * copy of the same parameter cannot take the fused path, so stepping both compares the two paths.
 */
class FusedAdamTest {
    @ParameterizedTest(name = "weightDecay={0} decoupled={1} maximize={2}")
    @CsvSource({"0, false, false", "0.01, false, false", "0.01, true, false", "0, false, true"})
    void givesTheSameBitsAsTheOpByOpUpdate(double weightDecay, boolean decoupled, boolean maximize) {
        Generator gen = new Generator(7);
        Tensor fused = Nabla.randn(gen, 9, 35); // 315 elements: vector body and scalar tail
        Tensor reference = transposedCopy(fused);
        ParamState fusedState = new ParamState(), referenceState = new ParamState();
        try (var g = Nabla.noGrad()) {
            for (int step = 0; step < 4; step++) {
                Tensor grad = Nabla.randn(gen, 9, 35);
                AdamUpdate.apply(fused, grad, fusedState, 1e-2, 0.9, 0.999, 1e-8, weightDecay, decoupled, false, maximize);
                AdamUpdate.apply(reference, transposedCopy(grad), referenceState, 1e-2, 0.9, 0.999, 1e-8, weightDecay, decoupled, false, maximize);
            }
        }
        assertEquals(false, reference.isContiguous(), "the reference must take the op-by-op path");
        assertArrayEquals(reference.toFloatArray(), fused.toFloatArray());
        for (String buffer : new String[] {"expAvg", "expAvgSq"})
            assertArrayEquals(referenceState.bufferOrNull(buffer).toFloatArray(), fusedState.bufferOrNull(buffer).toFloatArray(), buffer);
    }

    private static Tensor transposedCopy(Tensor t) {
        return t.t().clone().t();
    }
}
