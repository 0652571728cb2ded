package dev.nabla.data;

import static org.junit.jupiter.api.Assertions.*;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against files NumPy wrote (scripts/fixtures/make_npy_fixtures.py; the expected values repeat its formulas). */
class NpyTest {
    @TempDir
    Path dir;

    private static Path fixture(String name) {
        try {
            return Path.of(NpyTest.class.getResource("npy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final float[] F32_2X3 = {-0.5f, -0.25f, 0f, 0.25f, 0.5f, 0.75f};

    @Test
    void readsEveryDtypeNumPyWrote() throws IOException {
        Tensor f32 = Npy.read(fixture("f32_2x3.npy"));
        assertEquals(DType.FLOAT32, f32.dtype());
        assertArrayEquals(new int[] {2, 3}, f32.shape());
        assertArrayEquals(F32_2X3, f32.toFloatArray());
        assertArrayEquals(new double[] {1.5, -2.25, Math.PI}, Npy.read(fixture("f64_3.npy")).toDoubleArray());
        assertArrayEquals(new int[] {1, -2, Integer.MAX_VALUE, Integer.MIN_VALUE}, Npy.read(fixture("i32_2x2.npy")).toIntArray());
        Tensor i64 = Npy.read(fixture("i64_4.npy"));
        assertEquals(DType.INT64, i64.dtype());
        assertArrayEquals(new long[] {0, -7, 1L << 40, -(1L << 62)}, i64.toLongArray());
        Tensor bools = Npy.read(fixture("bool_5.npy"));
        assertEquals(DType.BOOL, bools.dtype());
        assertArrayEquals(new boolean[] {true, false, false, true, true}, bools.toBooleanArray());
    }

    @Test
    void readsScalarsEmptyArraysWidenedAndBigEndianFiles() throws IOException {
        Tensor scalar = Npy.read(fixture("f32_scalar.npy"));
        assertEquals(0, scalar.dim());
        assertEquals(2.5, scalar.item());
        assertArrayEquals(new int[] {0, 3}, Npy.read(fixture("f32_empty_0x3.npy")).shape());
        Tensor u8 = Npy.read(fixture("u8_2x2.npy"));
        assertEquals(DType.INT32, u8.dtype());
        assertArrayEquals(new int[] {0, 255, 128, 7}, u8.toIntArray());
        assertArrayEquals(new double[] {1.25, -3.5}, Npy.read(fixture("f64_big_endian_2.npy")).toDoubleArray());
    }

    @Test
    void fortranOrderIsRefusedByName() {
        var e = assertThrows(IOException.class, () -> Npy.read(fixture("f32_fortran_2x2.npy")));
        assertTrue(e.getMessage().contains("f32_fortran_2x2.npy") && e.getMessage().contains("Fortran"), e.getMessage());
    }

    @Test
    void notNpyIsRefusedByName() throws IOException {
        Path file = dir.resolve("x.npy");
        Files.writeString(file, "hello, not numpy");
        var e = assertThrows(IOException.class, () -> Npy.read(file));
        assertTrue(e.getMessage().contains("x.npy") && e.getMessage().contains("magic"), e.getMessage());
    }

    @Test
    void writesTheSameBytesAsNumPy() throws IOException {
        for (String name : List.of("f32_2x3.npy", "f64_3.npy", "i32_2x2.npy", "i64_4.npy", "bool_5.npy", "f32_scalar.npy", "f32_empty_0x3.npy")) {
            Path out = dir.resolve(name);
            Npy.write(out, Npy.read(fixture(name)));
            assertArrayEquals(Files.readAllBytes(fixture(name)), Files.readAllBytes(out), name);
        }
    }

    @Test
    void roundTripsEveryDtypeAndNonContiguousViews() throws IOException {
        Tensor base = Nabla.arange(0, 24, 1).reshape(2, 3, 4);
        for (DType d : DType.values()) {
            Tensor t = base.to(d).permute(2, 0, 1); // a strided view: written in C order of its logical shape
            Path file = dir.resolve(d + ".npy");
            Npy.write(file, t);
            Tensor back = Npy.read(file);
            assertEquals(d, back.dtype());
            assertArrayEquals(new int[] {4, 2, 3}, back.shape());
            assertTrue(back.equal(t), d.toString());
        }
    }

    @Test
    void largeHeadersSwitchToVersion2() throws IOException {
        // 22,000 dims of size 1 make a header past version 1.0's 65,535-byte limit
        int[] shape = new int[22000];
        java.util.Arrays.fill(shape, 1);
        Path file = dir.resolve("deep.npy");
        Npy.write(file, Nabla.ones(shape));
        assertEquals(2, Files.readAllBytes(file)[6]);
        assertArrayEquals(shape, Npy.read(file).shape());
    }

    @Test
    void readsNpzFromSavezAndSavezCompressed() throws IOException {
        for (String name : List.of("pair.npz", "pair_compressed.npz")) {
            Map<String, Tensor> arrays = Npz.read(fixture(name));
            assertEquals(List.of("x", "y"), List.copyOf(arrays.keySet()), name);
            assertArrayEquals(F32_2X3, arrays.get("x").toFloatArray());
            assertArrayEquals(new long[] {3, 1}, arrays.get("y").toLongArray());
        }
    }

    @Test
    void npzRoundTripIsAtomic() throws IOException {
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("weights", Nabla.randn(new dev.nabla.Generator(1), 3, 2));
        arrays.put("mask", Nabla.tensor(new boolean[] {true, false}, 2));
        Path file = dir.resolve("model.npz");
        Npz.writeCompressed(file, arrays);
        Map<String, Tensor> back = Npz.read(file);
        assertTrue(back.get("weights").equal(arrays.get("weights")));
        assertTrue(back.get("mask").equal(arrays.get("mask")));
        Npz.write(file, Map.of("only", Nabla.zeros(1)));
        assertEquals(List.of("only"), List.copyOf(Npz.read(file).keySet()));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary files left behind");
        }
    }
}
