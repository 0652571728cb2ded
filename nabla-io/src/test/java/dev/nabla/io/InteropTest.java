package dev.nabla.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.DType;
import dev.nabla.Tensor;
import dev.nabla.nn.BatchNorm1d;
import dev.nabla.nn.Linear;
import dev.nabla.nn.ReLU;
import dev.nabla.nn.Sequential;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Files written outside Nabla (scripts/fixtures/make_safetensors_fixtures.py) load with the right values. */
class InteropTest {
    @Test
    void readsTheIndependentPythonWritersFile() throws IOException {
        var file = Fixtures.path("python_reference.safetensors");
        Map<String, Tensor> t = SafeTensors.load(file);
        assertEquals(List.of("weights_f32", "weights_f64", "counts_i32", "ids_i64", "mask_bool", "half_f16", "brain_bf16", "scalar_f32", "empty_f32"),
                List.copyOf(t.keySet()));
        check(t.get("weights_f32"), DType.FLOAT32, new int[] {2, 3});
        assertArrayEquals(new float[] {-0.5f, -0.25f, 0, 0.25f, 0.5f, 0.75f}, t.get("weights_f32").toFloatArray());
        check(t.get("weights_f64"), DType.FLOAT64, new int[] {3, 1});
        assertArrayEquals(new double[] {1.5, -2.25, Math.PI}, t.get("weights_f64").toDoubleArray());
        check(t.get("counts_i32"), DType.INT32, new int[] {2, 2});
        assertArrayEquals(new int[] {1, -2, Integer.MAX_VALUE, Integer.MIN_VALUE}, t.get("counts_i32").toIntArray());
        check(t.get("ids_i64"), DType.INT64, new int[] {4});
        assertArrayEquals(new long[] {0, -7, 1L << 40, -(1L << 62)}, t.get("ids_i64").toLongArray());
        check(t.get("mask_bool"), DType.BOOL, new int[] {5});
        assertArrayEquals(new boolean[] {true, false, false, true, true}, t.get("mask_bool").toBooleanArray());
        check(t.get("half_f16"), DType.FLOAT32, new int[] {4});
        assertArrayEquals(new float[] {1, -2.5f, 65504, (float) Math.pow(2, -24)}, t.get("half_f16").toFloatArray());
        check(t.get("brain_bf16"), DType.FLOAT32, new int[] {3});
        assertArrayEquals(new float[] {1, -2.5f, 3.140625f}, t.get("brain_bf16").toFloatArray());
        check(t.get("scalar_f32"), DType.FLOAT32, new int[] {});
        assertEquals(2.5, t.get("scalar_f32").item());
        check(t.get("empty_f32"), DType.FLOAT32, new int[] {0, 3});
        assertEquals(Map.of("format", "pt", "source", "make_safetensors_fixtures.py"), SafeTensors.loadMetadata(file));
    }

    @Test
    void aPyTorchModelsStateDictGivesTheSameOutputsInNabla() throws IOException {
        var model = new Sequential(new Linear(4, 8), new BatchNorm1d(8), new ReLU(), new Linear(8, 3));
        var result = SafeTensors.loadInto(model, Fixtures.path("torch_mlp.safetensors"), true);
        assertTrue(result.missingKeys().isEmpty() && result.unexpectedKeys().isEmpty());
        assertEquals(3, model.stateDict().get("1.num_batches_tracked").item());
        model.eval();
        Map<String, Tensor> io = SafeTensors.load(Fixtures.path("torch_mlp_io.safetensors"));
        Tensor y = model.forward(io.get("x"));
        assertTrue(y.allclose(io.get("y"), 1e-5, 1e-6), "Nabla " + y + "\nPyTorch " + io.get("y"));
    }

    private static void check(Tensor t, DType dtype, int[] shape) {
        assertEquals(dtype, t.dtype());
        assertArrayEquals(shape, t.shape());
    }
}
