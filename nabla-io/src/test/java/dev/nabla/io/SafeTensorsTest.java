package dev.nabla.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.nn.BatchNorm1d;
import dev.nabla.nn.Linear;
import dev.nabla.nn.ReLU;
import dev.nabla.nn.Sequential;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir Path dir;

    @Test
    void everyDtypeRoundTripsWithShapeOrderAndMetadata() throws IOException {
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("flag", Nabla.tensor(new boolean[] {true, false, true}, 3));
        in.put("f32", Nabla.tensor(new float[] {1.5f, -0f, Float.NaN, Float.MIN_VALUE, Float.MAX_VALUE, -3}, 2, 3));
        in.put("f64", Nabla.tensor(new double[] {Math.PI, -1e300, Double.NEGATIVE_INFINITY}, 3, 1));
        in.put("i32", Nabla.tensor(new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE}, 3));
        in.put("i64", Nabla.tensor(new long[] {Long.MIN_VALUE, 1L << 40, -7}, 1, 3));
        in.put("scalar", Nabla.scalar(2.5));
        in.put("empty", Nabla.zeros(DType.INT64, 0, 4));
        Path file = dir.resolve("all.safetensors");
        SafeTensors.save(in, file, Map.of("source", "test", "üñí", "cödé"));

        Map<String, Tensor> out = SafeTensors.load(file);
        assertEquals(List.copyOf(in.keySet()), List.copyOf(out.keySet()));
        for (String k : in.keySet()) {
            assertEquals(in.get(k).dtype(), out.get(k).dtype(), k);
            assertArrayEquals(in.get(k).shape(), out.get(k).shape(), k);
        }
        assertArrayEquals(bits(in.get("f32")), bits(out.get("f32")));
        assertArrayEquals(in.get("f64").toDoubleArray(), out.get("f64").toDoubleArray());
        assertArrayEquals(in.get("i32").toIntArray(), out.get("i32").toIntArray());
        assertArrayEquals(in.get("i64").toLongArray(), out.get("i64").toLongArray());
        assertArrayEquals(in.get("flag").toBooleanArray(), out.get("flag").toBooleanArray());
        assertEquals(2.5, out.get("scalar").item());
        assertEquals(Map.of("source", "test", "üñí", "cödé"), SafeTensors.loadMetadata(file));
    }

    @Test
    void anEmptyMapMakesAValidFileWithTheUsualPermissions() throws IOException {
        Path file = dir.resolve("empty.safetensors");
        SafeTensors.save(Map.of(), file);
        assertTrue(SafeTensors.load(file).isEmpty());
        assertEquals(16, Files.size(file));   // length + "{}" padded to 8 bytes
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Path plain = Files.createFile(dir.resolve("plain"));
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
        }
    }

    @Test
    void headerIsPaddedAndEveryTensorAlignedToItsElementSize() throws IOException {
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("b", Nabla.tensor(new boolean[] {true, false, true}, 3));   // 3 bytes: would misalign what follows
        in.put("d", Nabla.tensor(new double[] {1, 2}, 2));
        in.put("i", Nabla.tensor(new int[] {1, 2, 3}, 3));
        Path file = dir.resolve("aligned.safetensors");
        SafeTensors.save(in, file);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        long n = b.getLong();
        assertEquals(0, (8 + n) % 8);
        String header = new String(b.array(), 8, (int) n, StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{\"b\":"), "header keeps the map's order: " + header);
        assertTrue(header.contains("\"d\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}"), header);
        assertTrue(header.contains("\"i\":{\"dtype\":\"I32\",\"shape\":[3],\"data_offsets\":[16,28]}"), header);
        assertTrue(header.contains("\"b\":{\"dtype\":\"BOOL\",\"shape\":[3],\"data_offsets\":[28,31]}"), header);
    }

    @Test
    void viewsAreWrittenInCOrder() throws IOException {
        Tensor base = Nabla.arange(0, 24, 1).toFloat().reshape(2, 3, 4);
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("transposed", base.transpose(0, 2));
        in.put("sliced", base.select(0, 1).slice(1, 1, 4, 2));
        in.put("offsetRows", base.select(0, 1));
        in.put("expanded", Nabla.tensor(new float[] {7, 8}, 2, 1).expand(2, 3));
        Path file = dir.resolve("views.safetensors");
        SafeTensors.save(in, file);
        Map<String, Tensor> out = SafeTensors.load(file);
        for (var e : in.entrySet()) {
            assertArrayEquals(e.getValue().shape(), out.get(e.getKey()).shape(), e.getKey());
            assertArrayEquals(e.getValue().contiguous().toFloatArray(), out.get(e.getKey()).toFloatArray(), e.getKey());
        }
        assertArrayEquals(new float[] {13, 15, 17, 19, 21, 23}, out.get("sliced").toFloatArray());
    }

    @Test
    void largeTensorsStreamInChunks() throws IOException {
        // More than the 1 MiB scratch buffer, so the writer's chunking is exercised.
        Tensor big = Nabla.randn(new dev.nabla.Generator(3), 700, 1000);
        Path file = dir.resolve("big.safetensors");
        SafeTensors.save(Map.of("w", big), file);
        assertArrayEquals(bits(big), bits(SafeTensors.load(file).get("w")));
    }

    @Test
    void halfPrecisionLoadsAsFloat32() throws IOException {
        // 1.0, -2.5, 65504 (largest half), 2^-24 (smallest subnormal) as F16; 1.0, -2.5, 3.140625 as BF16.
        short[] f16 = {0x3C00, (short) 0xC100, 0x7BFF, 0x0001};
        short[] bf16 = {0x3F80, (short) 0xC020, 0x4049};
        ByteBuffer data = ByteBuffer.allocate(14).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : f16) data.putShort(s);
        for (short s : bf16) data.putShort(s);
        Path file = write("half", "{\"h\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,8]},"
                + "\"bf\":{\"dtype\":\"BF16\",\"shape\":[3],\"data_offsets\":[8,14]}}", data.array());
        Map<String, Tensor> out = SafeTensors.load(file);
        assertEquals(DType.FLOAT32, out.get("h").dtype());
        assertArrayEquals(new float[] {1, -2.5f, 65504, (float) Math.pow(2, -24)}, out.get("h").toFloatArray());
        assertArrayEquals(new float[] {1, -2.5f, 3.140625f}, out.get("bf").toFloatArray());
    }

    @Test
    void moduleStateDictRoundTripsThroughAFile() throws IOException {
        Nabla.manualSeed(1);
        var a = new Sequential(new Linear(4, 8), new BatchNorm1d(8), new ReLU(), new Linear(8, 2));
        var b = new Sequential(new Linear(4, 8), new BatchNorm1d(8), new ReLU(), new Linear(8, 2));
        a.forward(Nabla.randn(16, 4));   // moves the running statistics off their initial values
        Path file = dir.resolve("model.safetensors");
        SafeTensors.save(a, file);
        var result = SafeTensors.loadInto(b, file, true);
        assertTrue(result.missingKeys().isEmpty() && result.unexpectedKeys().isEmpty());
        for (var e : a.stateDict().entrySet()) assertTrue(e.getValue().equal(b.stateDict().get(e.getKey())), e.getKey());
        assertEquals(DType.INT64, SafeTensors.load(file).get("1.num_batches_tracked").dtype());
    }

    @Test
    void failedSaveLeavesThePreviousFileAndNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("keep.safetensors");
        SafeTensors.save(Map.of("x", Nabla.ones(2)), file);
        byte[] before = Files.readAllBytes(file);
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.save(Map.of("__metadata__", Nabla.ones(1)), file));
        // A tensor traced by vmap has no storage of its own: writing it fails after "ok" is already written.
        RuntimeException midWrite = assertThrows(RuntimeException.class, () -> Nabla.vmap(traced -> {
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            tensors.put("ok", Nabla.ones(3));
            tensors.put("traced", traced);
            try {
                SafeTensors.save(tensors, file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return traced;
        }).apply(Nabla.ones(2, 3)));
        assertTrue(midWrite.getMessage().contains("batched"), midWrite.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    // ------------------------------------------------------------------ malformed files

    @Test
    void truncatedFilesNameTheFileAndWhatIsMissing() throws IOException {
        Path good = dir.resolve("good.safetensors");
        SafeTensors.save(Map.of("w", Nabla.ones(4, 4)), good);
        byte[] bytes = Files.readAllBytes(good);
        assertError(cut(bytes, 5), "truncated: 5 bytes");
        assertError(cut(bytes, 20), "truncated: the header needs");
        assertError(cut(bytes, bytes.length - 4), "truncated: tensor 'w' ends at data byte 64, but the data section has only 60 bytes");
    }

    @Test
    void badHeadersAreRejectedWithTheReason() throws IOException {
        assertError(write("json", "{\"w\": {\"dtype\": \"F32\",", new byte[0]), "bad safetensors header JSON");
        assertError(write("array", "[1, 2]", new byte[0]), "expected a JSON object");
        assertError(write("dup", "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}",
                new byte[4]), "Duplicate field 'w'");
        assertError(write("dtype", "{\"w\":{\"dtype\":\"U16\",\"shape\":[1],\"data_offsets\":[0,2]}}", new byte[2]),
                "tensor 'w': dtype U16 is not supported");
        assertError(write("shape", "{\"w\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", new byte[4]), "must hold non-negative integers");
        assertError(write("size", "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", new byte[4]),
                "shape [2] of F32 needs 8 bytes, but data_offsets [0,4] span 4");
        assertError(write("meta", "{\"__metadata__\":{\"n\":1}}", new byte[0]), "value of 'n' is not a string");
        byte[] huge = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-1).array();
        Path notSafetensors = dir.resolve("huge.safetensors");
        Files.write(notSafetensors, huge);
        assertError(notSafetensors, "header length 18446744073709551615 exceeds");
    }

    @Test
    void overlappingGappedAndOutOfRangeOffsetsAreRejected() throws IOException {
        assertError(write("overlap", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}",
                new byte[12]), "tensor 'b' (bytes 4..12) overlaps tensor 'a'");
        assertError(write("gap", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]),
                "bytes 0..4 of the data section belong to no tensor");
        assertError(write("range", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}",
                new byte[4]), "tensor 'b' ends at data byte 8, but the data section has only 4 bytes");
        assertError(write("trailing", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[6]), "2 bytes after the last tensor's data");
        assertError(write("backwards", "{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[4,0]}}", new byte[4]), "end before they begin");
    }

    // ------------------------------------------------------------------ helpers

    private Path write(String name, String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        Path file = dir.resolve(name + ".safetensors");
        Files.write(file, b.array());
        return file;
    }

    private Path cut(byte[] bytes, int length) throws IOException {
        Path file = dir.resolve("cut" + length + ".safetensors");
        Files.write(file, java.util.Arrays.copyOf(bytes, length));
        return file;
    }

    private static void assertError(Path file, String expected) {
        IOException e = assertThrows(IOException.class, () -> SafeTensors.load(file));
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    private static int[] bits(Tensor t) {
        float[] f = t.toFloatArray();
        int[] b = new int[f.length];
        for (int i = 0; i < f.length; i++) b[i] = Float.floatToRawIntBits(f[i]);
        return b;
    }
}
