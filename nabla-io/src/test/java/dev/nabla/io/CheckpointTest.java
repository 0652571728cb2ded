package dev.nabla.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.nn.Dropout;
import dev.nabla.nn.Linear;
import dev.nabla.nn.Losses;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.Tanh;
import dev.nabla.nn.optim.AdamW;
import dev.nabla.nn.optim.LrScheduler;
import dev.nabla.nn.optim.Optimizer;
import dev.nabla.nn.optim.Sgd;
import dev.nabla.nn.optim.StepLR;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    private static final int BEFORE = 5, AFTER = 7;
    @TempDir Path dir;

    /**
     * A training run with every source of state a resume must restore: AdamW moments and step counts,
     * a step-wise schedule, dropout drawing from the default generator, and batches sampled by a user
     * generator. Each construction draws fresh weights from the default generator.
     */
    private static final class Run {
        final Tensor xs = Nabla.randn(new Generator(11), 64, 3);
        final Tensor ys = xs.select(1, 0).mul(xs.select(1, 1)).sub(xs.select(1, 2)).unsqueeze(1);
        final Sequential model = new Sequential(new Linear(3, 16), new Dropout(0.25), new Tanh(), new Linear(16, 1));
        final AdamW optimizer = new AdamW(model.parameters(), AdamW.Options.defaults().withLr(0.05).withAmsgrad(true));
        final LrScheduler scheduler = new StepLR(optimizer, 3, 0.5);
        final Generator batches = new Generator(99);

        void train(int steps) {
            for (int i = 0; i < steps; i++) {
                Tensor idx = Nabla.randint(batches, 0, 64, 16);
                Tensor loss = Losses.mseLoss(model.forward(xs.indexSelect(0, idx)), ys.indexSelect(0, idx));
                optimizer.zeroGrad();
                loss.backward();
                optimizer.step();
                scheduler.step();
            }
        }
    }

    @Test
    void resumingFromAFileIsBitIdenticalToTrainingOnInOneGo() throws IOException {
        Nabla.manualSeed(2024);
        Run original = new Run();
        original.train(BEFORE);
        Path file = dir.resolve("ckpt.safetensors");
        Checkpoint.of(original.model).withOptimizer(original.optimizer).withScheduler(original.scheduler)
                .withGenerator("batches", original.batches).withEpoch(1).withStep(BEFORE).save(file);
        original.train(AFTER);
        long[] defaultGeneratorAfter = Nabla.defaultGenerator().getState();

        Nabla.manualSeed(7);                    // a fresh process: other weights, other generator states
        Run resumed = new Run();
        assertFalse(resumed.model.stateDict().get("0.weight").equal(original.model.stateDict().get("0.weight")));
        Checkpoint ckpt = Checkpoint.load(file);
        ckpt.restore(resumed.model, resumed.optimizer, resumed.scheduler);
        ckpt.restoreGenerator("batches", resumed.batches);
        assertEquals(BEFORE, ckpt.step());
        assertEquals(1, ckpt.epoch());
        resumed.train(AFTER);

        for (var e : original.model.stateDict().entrySet())
            assertArrayEquals(bits(e.getValue()), bits(resumed.model.stateDict().get(e.getKey())), e.getKey() + " differs after resuming");
        assertArrayEquals(original.scheduler.getLastLr(), resumed.scheduler.getLastLr());
        assertArrayEquals(defaultGeneratorAfter, Nabla.defaultGenerator().getState());
        assertDeepEquals(original.optimizer.stateDict(), resumed.optimizer.stateDict(), "optimizer");
    }

    @Test
    void aCheckpointIsASnapshotWhenTaken() throws IOException {
        Nabla.manualSeed(1);
        Run run = new Run();
        Checkpoint ckpt = Checkpoint.of(run.model).withOptimizer(run.optimizer);
        Tensor before = run.model.stateDict().get("0.weight").clone();
        run.train(3);
        assertTrue(ckpt.modelState().get("0.weight").equal(before));
        assertTrue(ckpt.optimizerState().orElseThrow().get("state") instanceof Map<?, ?> m && m.isEmpty());
    }

    @Test
    void optimizerAndSchedulerStateComeBackWithTheirJavaTypes() throws IOException {
        Nabla.manualSeed(3);
        Run run = new Run();
        run.train(2);
        Path file = dir.resolve("types.safetensors");
        Checkpoint.of(run.model).withOptimizer(run.optimizer).withScheduler(run.scheduler).save(file);
        Checkpoint loaded = Checkpoint.load(file);
        assertDeepEquals(run.optimizer.stateDict(), loaded.optimizerState().orElseThrow(), "optimizer");
        assertDeepEquals(run.scheduler.stateDict(), loaded.schedulerState().orElseThrow(), "scheduler");
        Map<?, ?> state = (Map<?, ?>) loaded.optimizerState().orElseThrow().get("state");
        assertInstanceOf(Integer.class, state.keySet().iterator().next());
        assertInstanceOf(Long.class, ((Map<?, ?>) state.get(0)).get("step"));
        // The model's weights are plain safetensors entries any reader finds under "model/".
        assertTrue(SafeTensors.load(file).containsKey("model/0.weight"));
    }

    @Test
    void extrasKeepEveryValueExactly() throws IOException {
        Map<Object, Object> awkward = new LinkedHashMap<>();
        awkward.put(3, "integer key");
        awkward.put("$tensor", "a key that looks like a tag");
        List<Object> list = new ArrayList<>(Arrays.asList(1, 2L, 0.1f, 0.1, Double.NaN, Double.NEGATIVE_INFINITY, -0.0, null, true, "s"));
        Tensor t = Nabla.tensor(new double[] {1.5, -2}, 2);
        Nabla.manualSeed(0);
        Checkpoint ckpt = Checkpoint.of(new Linear(2, 1)).withExtra("list", list).withExtra("awkward", awkward)
                .withExtra("tensor", t).withExtra("nested", Map.of("inner", List.of(t, Map.of("x", 1e-300))))
                .withExtra("bestLoss", Math.PI);
        Path file = dir.resolve("extras.safetensors");
        ckpt.save(file);
        Map<String, Object> extras = Checkpoint.load(file).extras();
        assertDeepEquals(ckpt.extras(), extras, "extras");
        List<?> back = (List<?>) extras.get("list");
        for (int i = 0; i < list.size(); i++)
            assertEquals(list.get(i) == null ? null : list.get(i).getClass(), back.get(i) == null ? null : back.get(i).getClass(), "list[" + i + "]");
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) back.get(6)));
        assertNull(Checkpoint.load(file).optimizerState().orElse(null));
    }

    @Test
    void misuseFailsClearly() throws IOException {
        Nabla.manualSeed(0);
        Linear model = new Linear(2, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.of(model).withExtra("when", new java.util.Date()));
        assertTrue(e.getMessage().contains("cannot store extras/when (a java.util.Date)"), e.getMessage());
        Path file = dir.resolve("bare.safetensors");
        Checkpoint.of(model).save(file);
        Optimizer<?> sgd = new Sgd(model.parameters(), Sgd.Options.of(0.1));
        var missing = assertThrows(IllegalStateException.class, () -> Checkpoint.load(file).restore(model, sgd));
        assertEquals("checkpoint has no optimizer state; it was saved without one", missing.getMessage());
        Path plain = dir.resolve("plain.safetensors");
        SafeTensors.save(model, plain);
        var notCheckpoint = assertThrows(IOException.class, () -> Checkpoint.load(plain));
        assertTrue(notCheckpoint.getMessage().startsWith(plain + ": not a Nabla checkpoint"), notCheckpoint.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(file).generatorState("loader"));
    }

    /** Structural equality with tensors compared by dtype, shape and raw bits, and boxed types compared exactly. */
    static void assertDeepEquals(Object expected, Object actual, String path) {
        switch (expected) {
            case Tensor t -> {
                Tensor a = assertInstanceOf(Tensor.class, actual, path);
                assertEquals(t.dtype(), a.dtype(), path);
                assertArrayEquals(t.shape(), a.shape(), path);
                assertArrayEquals(t.toDoubleArray(), a.toDoubleArray(), path);
            }
            case Map<?, ?> m -> {
                Map<?, ?> a = assertInstanceOf(Map.class, actual, path);
                assertEquals(List.copyOf(m.keySet()), List.copyOf(a.keySet()), path + " keys");
                for (var e : m.entrySet()) assertDeepEquals(e.getValue(), a.get(e.getKey()), path + "/" + e.getKey());
            }
            case List<?> l -> {
                List<?> a = assertInstanceOf(List.class, actual, path);
                assertEquals(l.size(), a.size(), path + " size");
                for (int i = 0; i < l.size(); i++) assertDeepEquals(l.get(i), a.get(i), path + "/" + i);
            }
            case null -> assertNull(actual, path);
            default -> assertEquals(expected, actual, path);   // boxed equals: type and bits must match
        }
    }

    private static long[] bits(Tensor t) {
        double[] d = t.toDoubleArray();   // exact for float32, so float bits survive
        long[] b = new long[d.length];
        for (int i = 0; i < d.length; i++) b[i] = Double.doubleToRawLongBits(d[i]);
        return b;
    }
}
