package dev.nabla.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Optimizer behaviour through SGD, whose update is easy to compute by hand. */
class SgdTest {
    private static Tensor param(double... values) {
        return Nabla.tensor(values, values.length).requiresGrad(true);
    }

    @Test
    void trainingLoopFromTheUserGuide() {
        Tensor w = Nabla.zeros(DType.FLOAT64, 3).requiresGrad(true);
        Tensor target = Nabla.tensor(new double[] {1, -2, 3}, 3);
        var opt = new Sgd(List.of(w), Sgd.Options.of(0.1).withMomentum(0.5));
        var schedule = new StepLR(opt, 30, 0.5);
        for (int epoch = 0; epoch < 100; epoch++) {
            opt.zeroGrad();
            Tensor loss = w.sub(target).square().sum();
            loss.backward();
            GradClipping.clipGradNorm(List.of(w), 10.0);
            opt.step();
            schedule.step();
        }
        assertTrue(w.allclose(target, 1e-4, 1e-4), w.toString());
        assertEquals(0.1 * 0.125, opt.paramGroups().getFirst().lr(), 1e-15);
    }

    @Test
    void eachGroupUsesItsOwnLearningRate() {
        Tensor a = param(1, 1), b = param(1, 1);
        var opt = new Sgd(List.of(ParamGroup.of(List.of(a), Sgd.Options.of(0.1)), ParamGroup.of(List.of(b), Sgd.Options.of(0.01))));
        a.setGrad(Nabla.tensor(new double[] {1, 2}, 2));
        b.setGrad(Nabla.tensor(new double[] {1, 2}, 2));
        opt.step();
        assertArrayEquals(new double[] {0.9, 0.8}, a.toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {0.99, 0.98}, b.toDoubleArray(), 1e-15);
    }

    @Test
    void addParamGroupTakesPartInLaterSteps() {
        Tensor a = param(1), b = param(1);
        var opt = new Sgd(List.of(a), Sgd.Options.of(0.1));
        opt.addParamGroup(ParamGroup.of(List.of(b), Sgd.Options.of(0.5)));
        a.setGrad(Nabla.tensor(new double[] {1}, 1));
        b.setGrad(Nabla.tensor(new double[] {1}, 1));
        opt.step();
        assertEquals(0.9, a.item(), 1e-15);
        assertEquals(0.5, b.item(), 1e-15);
    }

    @Test
    void momentumBufferStartsAsTheFirstGradient() {
        Tensor p = param(0);
        var opt = new Sgd(List.of(p), Sgd.Options.of(1).withMomentum(0.5).withDampening(0.5));
        for (int i = 0; i < 2; i++) {
            p.setGrad(Nabla.tensor(new double[] {1}, 1));
            opt.step();
        }
        // step 1: buf = 1 (no dampening on the first step); step 2: buf = 0.5 * 1 + 0.5 * 1 = 1
        assertEquals(-2, p.item(), 1e-15);
    }

    @Test
    void parametersWithoutGradientsAreLeftAlone() {
        Tensor a = param(1), b = param(1);
        var opt = new Sgd(List.of(a, b), Sgd.Options.of(0.1).withWeightDecay(0.5));
        a.setGrad(Nabla.tensor(new double[] {1}, 1));
        opt.step();
        assertEquals(1, b.item());
        assertEquals(1 - 0.1 * 1.5, a.item(), 1e-15);
    }

    @Test
    void zeroGradClearsOrZeroesEveryGradient() {
        Tensor a = param(1, 2), b = param(3);
        var opt = new Sgd(List.of(a, b), Sgd.Options.of(0.1));
        a.mul(a).sum().add(b.sum()).backward();
        opt.zeroGrad(false);
        assertArrayEquals(new double[] {0, 0}, a.grad().toDoubleArray());
        assertArrayEquals(new double[] {0}, b.grad().toDoubleArray());
        opt.zeroGrad();
        assertNull(a.grad());
        assertNull(b.grad());
    }

    @Test
    void gradientsAccumulateWithoutZeroGrad() {
        Tensor a = param(1);
        var opt = new Sgd(List.of(a), Sgd.Options.of(0.1));
        a.mul(3).sum().backward();
        a.mul(3).sum().backward();
        opt.step();
        assertEquals(1 - 0.1 * 6, a.item(), 1e-15);
    }

    @Test
    void invalidHyperParametersNameTheOptimizerAndTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> Sgd.Options.of(-0.1));
        assertEquals("SGD: lr must be >= 0, got -0.1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Sgd.Options.of(0.1).withNesterov(true));
        assertTrue(e.getMessage().startsWith("SGD: Nesterov momentum requires momentum > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Adam.Options.defaults().withBetas(0.9, 1.0));
        assertEquals("Adam: beta2 must be in [0, 1), got 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AdamW.Options.defaults().withWeightDecay(-1));
        assertEquals("AdamW: weightDecay must be >= 0, got -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RmsProp.Options.defaults().withEps(Double.NaN));
        assertEquals("RMSprop: eps must be >= 0, got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Adagrad.Options.defaults().withLrDecay(-1));
        assertEquals("Adagrad: lrDecay must be >= 0, got -1.0", e.getMessage());
    }

    @Test
    void invalidParameterListsAreRejected() {
        Tensor a = param(1);
        var e = assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(), Sgd.Options.of(0.1)));
        assertEquals("SGD: got an empty parameter list", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(a, a), Sgd.Options.of(0.1)));
        assertTrue(e.getMessage().contains("appears more than once"), e.getMessage());
        var opt = new Sgd(List.of(a), Sgd.Options.of(0.1));
        e = assertThrows(IllegalArgumentException.class, () -> opt.addParamGroup(ParamGroup.of(List.of(a), Sgd.Options.of(1))));
        assertTrue(e.getMessage().contains("appears more than once"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(a.mul(2)), Sgd.Options.of(0.1)));
        assertTrue(e.getMessage().startsWith("SGD: can't optimize a non-leaf tensor"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(Nabla.arange(3)), Sgd.Options.of(0.1)));
        assertTrue(e.getMessage().contains("floating-point"), e.getMessage());
    }

    @Test
    void stepDoesNotRecordOnTheTape() {
        Tensor a = param(1, 2);
        var opt = new Sgd(List.of(a), Sgd.Options.of(0.1).withMomentum(0.9));
        a.mul(a).sum().backward();
        opt.step();
        assertTrue(a.isLeaf());
        assertTrue(a.requiresGrad());
        assertArrayEquals(new double[] {0.8, 1.6}, a.toDoubleArray(), 1e-15);
    }

    @Test
    void float32ParametersStayFloat32() {
        Tensor a = Nabla.tensor(new float[] {1, 2}, 2).requiresGrad(true);
        var opt = new Adam(List.of(a), Adam.Options.defaults().withLr(0.1));
        a.mul(a).sum().backward();
        opt.step();
        assertEquals(DType.FLOAT32, a.dtype());
        assertArrayEquals(new float[] {0.9f, 1.9f}, a.toFloatArray(), 1e-6f);
    }
}
