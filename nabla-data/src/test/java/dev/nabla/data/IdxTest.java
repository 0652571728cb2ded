package dev.nabla.data;

import static org.junit.jupiter.api.Assertions.*;

import dev.nabla.DType;
import dev.nabla.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsUnsignedBytesPlainOrGzipped(boolean gzip) throws IOException {
        byte[] payload = IdxFixtures.images(3, 2, 4);
        Path file = dir.resolve("img.idx");
        Files.write(file, IdxFixtures.unsignedBytes(new int[] {3, 2, 4}, payload, gzip));
        Tensor t = Idx.read(file);
        assertEquals(DType.INT32, t.dtype());
        assertArrayEquals(new int[] {3, 2, 4}, t.shape());
        int[] expected = new int[payload.length];
        for (int k = 0; k < expected.length; k++) expected[k] = payload[k] & 0xFF;
        assertArrayEquals(expected, t.toIntArray());
        assertEquals(expected[expected.length - 1], (int) Idx.read(file, DType.FLOAT32).toFloatArray()[expected.length - 1]);
    }

    @Test
    void badMagicNamesTheFile() throws IOException {
        Path file = dir.resolve("not-idx.bin");
        Files.write(file, new byte[] {0x12, 0x34, 0x08, 0x01, 0, 0, 0, 1, 5});
        var e = assertThrows(IOException.class, () -> Idx.read(file));
        assertTrue(e.getMessage().contains("not-idx.bin") && e.getMessage().contains("0x12340801"), e.getMessage());
    }

    @Test
    void unknownTypeCodeIsRejected() throws IOException {
        Path file = dir.resolve("type.idx");
        Files.write(file, new byte[] {0, 0, 0x0A, 0x01, 0, 0, 0, 1, 5});
        assertThrows(IOException.class, () -> Idx.read(file));
    }

    @Test
    void truncatedPayloadSaysHowMuchIsMissing() throws IOException {
        Path file = dir.resolve("short.idx");
        byte[] full = IdxFixtures.unsignedBytes(new int[] {10}, new byte[10], false);
        Files.write(file, Arrays.copyOf(full, full.length - 4));
        var e = assertThrows(IOException.class, () -> Idx.read(file));
        assertTrue(e.getMessage().contains("short.idx") && e.getMessage().contains("needs 10 bytes, found 6"), e.getMessage());
    }

    @Test
    void readsRealMnistTrainLabels() throws IOException {
        Path mnist = SharedData.require("mnist");
        Tensor labels = Idx.read(mnist.resolve("train-labels-idx1-ubyte.gz"));
        assertArrayEquals(new int[] {60000}, labels.shape());
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, Arrays.copyOf(labels.toIntArray(), 10));
    }
}
