package dev.nabla.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Behaviour the fixtures cannot pin down: random layers in training, the usage example, and the checker itself. */
class TrainingBehaviourTest {
    @Test
    void dropoutZeroesAndRescalesInTrainingOnly() {
        Dropout d = new Dropout(0.25, new Generator(1));
        Tensor y = d.forward(Nabla.ones(10_000));
        double[] v = y.toDoubleArray();
        long zeros = java.util.Arrays.stream(v).filter(x -> x == 0).count();
        assertEquals(2500, zeros, 150);
        assertTrue(java.util.Arrays.stream(v).allMatch(x -> x == 0 || Math.abs(x - 4.0 / 3) < 1e-6));
        d.eval();
        assertTrue(d.forward(Nabla.ones(10)).equal(Nabla.ones(10)));
    }

    @Test
    void batchNormRejectsOneValuePerChannelInTraining() {
        var e = assertThrows(IllegalArgumentException.class, () -> new BatchNorm1d(3).forward(Nabla.randn(1, 3)));
        assertTrue(e.getMessage().contains("more than 1 value per channel"), e.getMessage());
    }

    @Test
    void recurrentDropoutActsBetweenLayersOnlyInTraining() {
        LSTM lstm = new LSTM(3, 4, RNNBase.Options.defaults().withNumLayers(2).withDropout(0.5), new Generator(2));
        Tensor x = Nabla.randn(new Generator(3), 5, 2, 3);
        lstm.eval();
        Tensor a = lstm.forward(x).output(), b = lstm.forward(x).output();
        assertTrue(a.equal(b));
        lstm.train();
        assertFalse(lstm.forward(x).output().equal(a));
    }

    /** The README example: a small classifier trained with plain gradient descent. */
    @Test
    void usageExampleTrains() {
        Nabla.manualSeed(0);
        var model = new Sequential(new Linear(2, 16), new Tanh(), new Linear(16, 2));
        Tensor x = Nabla.randn(64, 2), y = x.select(1, 0).mul(x.select(1, 1)).gt(0).toLong();   // XOR-like quadrants
        double first = 0, last = 0;
        for (int step = 0; step < 300; step++) {
            Tensor loss = Losses.crossEntropy(model.forward(x), y);
            model.zeroGrad();
            loss.backward();
            try (var g = Nabla.noGrad()) {
                for (Tensor p : model.parameters()) p.sub_(p.grad().mul(0.5));
            }
            if (step == 0) first = loss.item();
            last = loss.item();
        }
        assertTrue(last < 0.5 * first, "loss went from " + first + " to " + last);
    }

    @Test
    void fixtureCheckCatchesAWrongLayer() {
        NnFixtures.Case c = NnFixtures.load("layers").stream().filter(k -> k.name().equals("linear")).findFirst().orElseThrow();
        Linear lin = new Linear(4, 3);
        assertThrows(AssertionFailedError.class, () -> NnFixtures.check(c, lin, in -> new Tensor[] {lin.forward(in[0]).mul(1 + 1e-4)}));
    }
}
