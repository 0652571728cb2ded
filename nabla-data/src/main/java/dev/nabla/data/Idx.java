package dev.nabla.data;

import dev.nabla.DType;
import dev.nabla.Storage;
import dev.nabla.Tensor;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The IDX format of MNIST and Fashion-MNIST, plain or gzipped (detected from the content, not the
 * name). Layout: a big-endian magic {@code 0x0000TTNN} (TT the element type, NN the number of
 * dimensions), NN big-endian u32 sizes, then the row-major payload, big-endian.
 */
public final class Idx {
    private Idx() {}

    /** Integer types (unsigned byte, signed byte, short, int) read as int32; float as float32; double as float64. */
    public static Tensor read(Path file) throws IOException {
        return read(file, null);
    }

    /** Reads straight into dtype, e.g. MNIST pixels as float32 without an int32 copy on the way. */
    public static Tensor read(Path file, DType dtype) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(raw, file.toString(), dtype);
        }
    }

    private static Tensor read(InputStream raw, String source, DType dtype) throws IOException {
        DataInputStream in = new DataInputStream(isGzip(raw) ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw);
        int magic;
        try {
            magic = in.readInt();
        } catch (java.io.EOFException e) {
            throw new IOException(source + ": empty or truncated IDX file (no 4-byte magic)");
        }
        int type = (magic >>> 8) & 0xFF, rank = magic & 0xFF;
        ElementType element = (magic >>> 16) == 0 ? ElementType.of(type) : null;
        if (element == null || rank == 0)
            throw new IOException(source + ": not an IDX file: magic 0x" + String.format("%08x", magic)
                    + ", expected 0x0000TTNN with TT one of 08 09 0b 0c 0d 0e (element type) and NN > 0 (dimensions)");
        int[] shape = new int[rank];
        long n = 1;
        for (int d = 0; d < rank; d++) {
            shape[d] = in.readInt();
            if (shape[d] < 0) throw new IOException(source + ": dimension " + d + " has negative size " + Integer.toUnsignedString(shape[d]));
            n *= shape[d];
        }
        if (n * element.size > Integer.MAX_VALUE - 8)
            throw new IOException(source + ": shape " + Arrays.toString(shape) + " is too large for one tensor");
        byte[] payload = in.readNBytes((int) n * element.size);
        if (payload.length < n * element.size)
            throw new IOException(source + ": truncated IDX payload: shape " + Arrays.toString(shape) + " needs " + n * element.size
                    + " bytes, found " + payload.length);
        DType target = dtype != null ? dtype : element.dtype;
        Storage out = Storage.allocate(target, (int) n);
        element.decodeInto(ByteBuffer.wrap(payload), out);
        return Tensor.of(out, shape);
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        boolean gz = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gz;
    }

    private enum ElementType {
        UBYTE(0x08, 1, DType.INT32), BYTE(0x09, 1, DType.INT32), SHORT(0x0B, 2, DType.INT32),
        INT(0x0C, 4, DType.INT32), FLOAT(0x0D, 4, DType.FLOAT32), DOUBLE(0x0E, 8, DType.FLOAT64);

        final int code, size;
        final DType dtype;

        ElementType(int code, int size, DType dtype) {
            this.code = code;
            this.size = size;
            this.dtype = dtype;
        }

        static ElementType of(int code) {
            for (ElementType t : values()) if (t.code == code) return t;
            return null;
        }

        void decodeInto(ByteBuffer buf, Storage out) {
            int n = out.length();
            if (this == UBYTE && out.dtype() == DType.FLOAT32) { // the MNIST fast path
                float[] a = out.floats();
                for (int i = 0; i < n; i++) a[i] = buf.get(i) & 0xFF;
                return;
            }
            for (int i = 0; i < n; i++) {
                switch (this) {
                    case UBYTE -> out.setLong(i, buf.get(i) & 0xFF);
                    case BYTE -> out.setLong(i, buf.get(i));
                    case SHORT -> out.setLong(i, buf.getShort(2 * i));
                    case INT -> out.setLong(i, buf.getInt(4 * i));
                    case FLOAT -> out.setDouble(i, buf.getFloat(4 * i));
                    case DOUBLE -> out.setDouble(i, buf.getDouble(8 * i));
                }
            }
        }
    }
}
