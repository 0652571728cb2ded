package dev.nabla.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

/** Initialisers against their closed-form bounds and moments, and PyTorch's per-layer defaults. */
class InitTest {
    private static double maxAbs(Tensor t) { return t.abs().max().item(); }

    @Test
    void kaimingUniformWithSqrt5IsUniformOverOneOverSqrtFanIn() {
        Tensor w = Nabla.zeros(200, 50);
        Init.kaimingUniform_(w, Math.sqrt(5), Init.FanMode.FAN_IN, "leaky_relu", new Generator(1));
        double bound = 1 / Math.sqrt(50);
        assertTrue(maxAbs(w) <= bound && maxAbs(w) > 0.98 * bound, "max |w| " + maxAbs(w) + " vs bound " + bound);
        // uniform(-b, b) has variance b^2 / 3
        assertEquals(bound * bound / 3, w.var().item(), 0.03 * bound * bound / 3);
    }

    @Test
    void xavierAndKaimingNormalHaveTheirStandardDeviations() {
        Tensor w = Nabla.zeros(300, 200);
        Init.xavierNormal_(w, 2, new Generator(2));
        assertEquals(2 * Math.sqrt(2.0 / 500), w.std().item(), 0.01 * 2 * Math.sqrt(2.0 / 500));
        Init.kaimingNormal_(w, 0, Init.FanMode.FAN_OUT, "relu", new Generator(3));
        assertEquals(Math.sqrt(2.0 / 300), w.std().item(), 0.01 * Math.sqrt(2.0 / 300));
        Init.xavierUniform_(w, 1, new Generator(4));
        assertTrue(maxAbs(w) <= Math.sqrt(6.0 / 500));
    }

    @Test
    void fansCountTheReceptiveField() {
        assertEquals(16 * 9, Init.fans(Nabla.zeros(8, 16, 3, 3))[0]);
        assertEquals(8 * 9, Init.fans(Nabla.zeros(8, 16, 3, 3))[1]);
        assertThrows(IllegalArgumentException.class, () -> Init.fans(Nabla.zeros(5)));
        assertEquals(Math.sqrt(2 / (1 + 5.0)), Init.calculateGain("leaky_relu", Math.sqrt(5)), 1e-15);
        assertEquals(5.0 / 3, Init.calculateGain("tanh"), 1e-15);
    }

    @Test
    void orthogonalGivesOrthonormalRowsOrColumns() {
        for (int[] shape : new int[][] {{6, 4}, {4, 6}, {5, 5}}) {
            Tensor w = Init.orthogonal_(Nabla.zeros(shape).toDouble(), 1, new Generator(5));
            Tensor gram = shape[0] >= shape[1] ? w.t().matmul(w) : w.matmul(w.t());
            assertTrue(gram.allclose(Nabla.eye(Math.min(shape[0], shape[1])).toDouble(), 1e-10, 1e-10), "shape " + shape[0] + "x" + shape[1]);
        }
    }

    @Test
    void initialisersAreSeededAndOutsideAutograd() {
        Tensor a = Nabla.zeros(3, 3).requiresGrad(true), b = Nabla.zeros(3, 3).requiresGrad(true);
        Init.normal_(a, 0, 1, new Generator(7));
        Init.normal_(b, 0, 1, new Generator(7));
        assertTrue(a.equal(b));
        assertTrue(a.isLeaf());
        Nabla.manualSeed(11);
        Linear l1 = new Linear(5, 3);
        Nabla.manualSeed(11);
        Linear l2 = new Linear(5, 3);
        assertTrue(l1.weight().equal(l2.weight()) && l1.bias().equal(l2.bias()));
    }

    @Test
    void layersUsePyTorchDefaults() {
        Generator g = new Generator(9);
        Linear lin = new Linear(64, 32, true, g);
        assertTrue(maxAbs(lin.weight()) <= 1 / 8.0 && maxAbs(lin.bias()) <= 1 / 8.0);
        Conv2d conv = new Conv2d(4, 8, new int[] {3, 3}, Conv2d.Options.defaults(), g);
        assertTrue(maxAbs(conv.weight()) <= 1 / 6.0 && maxAbs(conv.bias()) <= 1 / 6.0);
        ConvTranspose2d convT = new ConvTranspose2d(4, 8, new int[] {2, 2}, ConvTranspose2d.Options.defaults(), g);
        assertTrue(maxAbs(convT.weight()) <= 1 / Math.sqrt(8 * 4), "fan_in of a transposed weight is dim 1 times the kernel");
        LSTM lstm = new LSTM(3, 16, RNNBase.Options.defaults(), g);
        for (Tensor p : lstm.parameters()) assertTrue(maxAbs(p) <= 0.25);
        Embedding emb = new Embedding(100, 20, 3, g);
        assertEquals(0, maxAbs(emb.weight().select(0, 3)));
        assertEquals(1, emb.weight().std().item(), 0.05);
        BatchNorm2d bn = new BatchNorm2d(4);
        assertTrue(bn.weight().equal(Nabla.ones(4)) && bn.bias().equal(Nabla.zeros(4)) && bn.runningVar().equal(Nabla.ones(4)));
        MultiheadAttention mha = new MultiheadAttention(8, 2, 0, true, false, g);
        assertEquals(0, maxAbs(mha.namedParameters().get("in_proj_bias")));
        assertEquals(0, maxAbs(mha.namedParameters().get("out_proj.bias")));
        assertTrue(maxAbs(mha.namedParameters().get("in_proj_weight")) <= Math.sqrt(6.0 / (8 + 24)));
    }
}
