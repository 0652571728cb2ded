package dev.nabla.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.DType;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Module contract: registration, traversal, modes, freezing, dtype, state dicts and printing. */
class ModuleTest {
    private static Sequential mlp() {
        Generator g = new Generator(1);
        return new Sequential(new Linear(4, 8, true, g), new ReLU(), new BatchNorm1d(8), new Linear(8, 2, false, g));
    }

    @Test
    void namesFollowPyTorch() {
        Sequential m = mlp();
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias", "3.weight"), List.copyOf(m.namedParameters().keySet()));
        assertEquals(List.of("2.running_mean", "2.running_var", "2.num_batches_tracked"), List.copyOf(m.namedBuffers().keySet()));
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias", "2.running_mean", "2.running_var", "2.num_batches_tracked", "3.weight"),
                List.copyOf(m.stateDict().keySet()));
        assertEquals(4 * 8 + 8 + 8 + 8 + 8 * 2, m.numParameters());
        assertEquals(List.of("", "0", "1", "2", "3"), List.copyOf(m.namedModules().keySet()));
    }

    @Test
    void printsATreeLikePyTorch() {
        assertEquals("""
                Sequential(
                  (0): Linear(in_features=4, out_features=8, bias=True)
                  (1): ReLU()
                  (2): BatchNorm1d(8, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
                  (3): Linear(in_features=8, out_features=2, bias=False)
                )""", mlp().toString());
        var nested = new Sequential(new Sequential(new Conv2d(3, 16, 3, Conv2d.Options.defaults().withPadding(1))), new Dropout(0.25));
        assertEquals("""
                Sequential(
                  (0): Sequential(
                    (0): Conv2d(3, 16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
                  )
                  (1): Dropout(p=0.25, inplace=False)
                )""", nested.toString());
    }

    @Test
    void trainAndEvalReachEverySubModule() {
        Sequential m = mlp();
        assertTrue(m.get(2).isTraining());
        m.eval();
        for (Module sub : m.modules()) assertFalse(sub.isTraining());
        m.train();
        for (Module sub : m.modules()) assertTrue(sub.isTraining());
    }

    @Test
    void freezingStopsGradients() {
        Sequential m = mlp();
        m.get(0).requiresGrad(false);
        Tensor loss = m.forward(Nabla.randn(new Generator(2), 5, 4)).sum();
        loss.backward();
        assertNull(((Linear) m.get(0)).weight().grad());
        assertNotNull(((Linear) m.get(3)).weight().grad());
        m.zeroGrad();
        for (Tensor p : m.parameters()) assertNull(p.grad());
    }

    @Test
    void applyVisitsChildrenBeforeParents() {
        List<String> seen = new ArrayList<>();
        mlp().apply(mod -> seen.add(mod.getClass().getSimpleName()));
        assertEquals(List.of("Linear", "ReLU", "BatchNorm1d", "Linear", "Sequential"), seen);
    }

    @Test
    void applyCanReinitialise() {
        Sequential m = mlp();
        m.apply(mod -> {
            if (mod instanceof Linear l) Init.zeros_(l.weight());
        });
        assertEquals(0, ((Linear) m.get(3)).weight().abs().sum().item());
    }

    @Test
    void stateDictRoundTripsAndKeepsParameterIdentity() {
        Sequential a = mlp(), b = new Sequential(new Linear(4, 8), new ReLU(), new BatchNorm1d(8), new Linear(8, 2, false));
        Tensor before = ((Linear) b.get(0)).weight();
        var result = b.loadStateDict(a.stateDict(), true);
        assertTrue(result.missingKeys().isEmpty() && result.unexpectedKeys().isEmpty());
        assertSame(before, ((Linear) b.get(0)).weight(), "load copies in place, so optimizers keep their tensors");
        Tensor x = Nabla.randn(new Generator(3), 3, 4);
        a.eval();
        b.eval();
        assertTrue(a.forward(x).allclose(b.forward(x)));
    }

    @Test
    void strictLoadReportsEveryProblemAtOnce() {
        Map<String, Tensor> state = new LinkedHashMap<>(mlp().stateDict());
        state.remove("0.bias");
        state.put("9.weight", Nabla.zeros(1));
        state.put("3.weight", Nabla.zeros(3, 8));
        var e = assertThrows(IllegalArgumentException.class, () -> mlp().loadStateDict(state, true));
        assertTrue(e.getMessage().contains("Missing key(s): 0.bias"), e.getMessage());
        assertTrue(e.getMessage().contains("Unexpected key(s): 9.weight"), e.getMessage());
        assertTrue(e.getMessage().contains("Size mismatch for 3.weight: checkpoint has shape [3, 8], this model has [2, 8]"), e.getMessage());
    }

    @Test
    void nonStrictLoadReturnsTheDifferencesButStillRejectsShapes() {
        Map<String, Tensor> state = new LinkedHashMap<>(mlp().stateDict());
        state.remove("0.bias");
        state.put("extra", Nabla.zeros(1));
        var result = mlp().loadStateDict(state, false);
        assertEquals(List.of("0.bias"), result.missingKeys());
        assertEquals(List.of("extra"), result.unexpectedKeys());
        state.put("0.weight", Nabla.zeros(1, 1));
        assertThrows(IllegalArgumentException.class, () -> mlp().loadStateDict(state, false));
    }

    @Test
    void toDtypeConvertsFloatingStateOnly() {
        Sequential m = mlp();
        m.to(DType.FLOAT64);
        for (Tensor p : m.parameters()) {
            assertEquals(DType.FLOAT64, p.dtype());
            assertTrue(p.requiresGrad());
        }
        assertEquals(DType.INT64, m.stateDict().get("2.num_batches_tracked").dtype());
        assertEquals(DType.FLOAT64, m.forward(Nabla.randn(3, 4).toDouble()).dtype());
    }

    @Test
    void sharedParametersAreListedOnce() {
        Linear shared = new Linear(3, 3);
        var list = new ModuleList<Linear>(shared, shared);
        assertEquals(2, list.parameters().size());
        var dict = new ModuleDict<Layer>().put("enc", new Linear(2, 2)).put("act", new Tanh());
        assertEquals(List.of("enc.weight", "enc.bias"), List.copyOf(dict.namedParameters().keySet()));
        assertThrows(IllegalArgumentException.class, () -> dict.get("dec"));
    }

    @Test
    void layersNameThemselvesInShapeErrors() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Linear(4, 2).forward(Nabla.zeros(3, 5)));
        assertEquals("Linear(in_features=4): input of shape [3, 5] must have 4 features in its last dim", e.getMessage());
        var c = assertThrows(IllegalArgumentException.class, () -> new Conv2d(3, 8, 3).forward(Nabla.zeros(1, 4, 8, 8)));
        assertTrue(c.getMessage().startsWith("Conv2d: input of shape [1, 4, 8, 8] has 4 channels, the layer expects 3"), c.getMessage());
        var b = assertThrows(IllegalArgumentException.class, () -> new BatchNorm2d(3).forward(Nabla.zeros(2, 3, 4)));
        assertTrue(b.getMessage().startsWith("BatchNorm2d(3): expected a 4-D [N, C, H, W] input"), b.getMessage());
        var l = assertThrows(IllegalArgumentException.class, () -> new LSTM(3, 4).forward(Nabla.zeros(5, 2, 3), Nabla.zeros(1, 3, 4), Nabla.zeros(1, 2, 4)));
        assertTrue(l.getMessage().contains("h0 must have shape [1, 2, 4]"), l.getMessage());
    }
}
