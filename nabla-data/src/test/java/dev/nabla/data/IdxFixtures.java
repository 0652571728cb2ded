package dev.nabla.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/** Small IDX files written byte by byte from the format description, independent of the reader. */
final class IdxFixtures {
    private IdxFixtures() {}

    /** An unsigned-byte IDX file of the given shape holding payload, gzipped or not. */
    static byte[] unsignedBytes(int[] shape, byte[] payload, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream sink = gzip ? new GZIPOutputStream(bytes) : bytes; DataOutputStream out = new DataOutputStream(sink)) {
            out.writeInt(0x00000800 | shape.length);
            for (int d : shape) out.writeInt(d);
            out.write(payload);
        }
        return bytes.toByteArray();
    }

    /** Pixel k of n images of h x w: (k * 7) % 256, so every value is known. */
    static byte[] images(int n, int h, int w) {
        byte[] p = new byte[n * h * w];
        for (int k = 0; k < p.length; k++) p[k] = (byte) (k * 7 % 256);
        return p;
    }
}
