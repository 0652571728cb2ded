package dev.nabla.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.nn.Linear;
import dev.nabla.nn.ReLU;
import dev.nabla.nn.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files Nabla writes for scripts/fixtures/make_safetensors_fixtures.py, whose independent reader
 * and PyTorch check them. With {@code -Dnabla.io.writeFixtures=true} this test (re)writes them into
 * the source tree; otherwise it checks that Nabla still writes the committed bytes, so what Python
 * verified is what Nabla produces today.
 */
class NablaWrittenFixturesTest {
    private static final boolean WRITE = Boolean.getBoolean("nabla.io.writeFixtures");
    @TempDir Path tmp;

    /** One tensor per dtype; "f32" is a transposed view, so its C-order bytes prove views are written right. */
    static Map<String, Tensor> dtypeTensors() {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("f32", Nabla.arange(0, 6, 1).toFloat().reshape(3, 2).div(4).sub(0.5).t());
        t.put("f64", Nabla.tensor(new double[] {Math.PI, -1e300, Double.MIN_VALUE}, 3));
        t.put("i32", Nabla.tensor(new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE}, 3));
        t.put("i64", Nabla.tensor(new long[] {Long.MIN_VALUE, 1L << 40, -7}, 3));
        t.put("bool", Nabla.tensor(new boolean[] {true, false, true, true}, 4));
        t.put("scalar", Nabla.scalar(2.5));
        t.put("empty", Nabla.zeros(0, 3));
        return t;
    }

    /** torch's nn.Sequential(Linear(4, 8), ReLU(), Linear(8, 3)), with weights from formulas rather than an initialiser. */
    static Sequential mlp() {
        var model = new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3));
        Map<String, Tensor> weights = new LinkedHashMap<>();
        weights.put("0.weight", Nabla.arange(0, 32, 1).toFloat().sin().mul(0.5).reshape(8, 4));
        weights.put("0.bias", Nabla.arange(0, 8, 1).toFloat().cos().mul(0.1));
        weights.put("2.weight", Nabla.arange(0, 24, 1).toFloat().mul(0.7).cos().mul(0.4).reshape(3, 8));
        weights.put("2.bias", Nabla.tensor(new float[] {0.05f, -0.1f, 0.2f}, 3));
        model.loadStateDict(weights, true);
        return model;
    }

    static Tensor mlpInput() {
        float[] x = new float[20];
        for (int i = 0; i < x.length; i++) x[i] = (i * 7 % 11) / 5f - 1;
        return Nabla.tensor(x, 5, 4);
    }

    @Test
    void nablaWritesTheCommittedBytes() throws IOException {
        Path dir = WRITE ? Fixtures.SOURCE_DIR : tmp;
        SafeTensors.save(dtypeTensors(), dir.resolve("nabla_dtypes.safetensors"), metadata());
        Sequential model = mlp();
        SafeTensors.save(model, dir.resolve("nabla_mlp.safetensors"));
        if (WRITE) {
            Tensor x = mlpInput();
            Map<String, Tensor> io = new LinkedHashMap<>();
            io.put("x", x);
            io.put("y", model.forward(x));
            SafeTensors.save(io, dir.resolve("nabla_mlp_io.safetensors"));
            return;
        }
        for (String name : new String[] {"nabla_dtypes.safetensors", "nabla_mlp.safetensors"})
            assertArrayEquals(Files.readAllBytes(Fixtures.path(name)), Files.readAllBytes(tmp.resolve(name)), name + " changed: regenerate and re-run the Python check");
    }

    @Test
    void theCommittedOutputIsStillNablasOutput() throws IOException {
        // Not byte-compared: the forward pass may round differently on another CPU's SIMD path.
        Map<String, Tensor> io = SafeTensors.load(Fixtures.path("nabla_mlp_io.safetensors"));
        assertTrue(io.get("x").equal(mlpInput()));
        assertTrue(mlp().forward(io.get("x")).allclose(io.get("y"), 1e-6, 1e-6));
    }

    private static Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("writer", "nabla");
        m.put("purpose", "interop fixture");
        return m;
    }
}
