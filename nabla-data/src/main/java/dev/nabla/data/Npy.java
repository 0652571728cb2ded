package dev.nabla.data;

import dev.nabla.DType;
import dev.nabla.Storage;
import dev.nabla.Tensor;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's .npy format (versions 1.0, 2.0 and 3.0): float32, float64, int32, int64 and bool in C order.
 * Reading also takes big-endian files and widens int8, uint8, int16 and uint16 to int32 and uint32
 * to int64, since Nabla has no narrower integer dtypes. Writing is little-endian, version 1.0 unless
 * the header needs 2.0, and atomic.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    public static Tensor read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, file.toString());
        }
    }

    /** Reads one array from in; source names the file (or zip entry) in error messages. */
    public static Tensor read(InputStream in, String source) throws IOException {
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8 || !Arrays.equals(Arrays.copyOf(magic, 6), MAGIC))
            throw new IOException(source + ": not a .npy file (expected the magic \\x93NUMPY at the start)");
        int major = magic[6];
        int headerLength;
        if (major == 1) headerLength = littleEndian(in.readNBytes(2), source);
        else if (major == 2 || major == 3) headerLength = littleEndian(in.readNBytes(4), source);
        else throw new IOException(source + ": .npy format version " + major + "." + magic[7] + " is not supported (expected 1.0, 2.0 or 3.0)");
        byte[] headerBytes = in.readNBytes(headerLength);
        if (headerBytes.length < headerLength) throw new IOException(source + ": truncated .npy header");
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

        String descr = field(DESCR, header, "descr", source);
        if (field(FORTRAN, header, "fortran_order", source).equals("True"))
            throw new IOException(source + ": array is in Fortran order; only C order is supported (save np.ascontiguousarray(a))");
        int[] shape = parseShape(field(SHAPE, header, "shape", source), source);
        int n = Math.toIntExact(Arrays.stream(shape).asLongStream().reduce(1, Math::multiplyExact));

        ElementType type = ElementType.of(descr, source);
        byte[] payload = in.readNBytes(Math.multiplyExact(n, type.size));
        if (payload.length < n * type.size)
            throw new IOException(source + ": truncated data: shape " + Arrays.toString(shape) + " of " + descr + " needs "
                    + (long) n * type.size + " bytes, found " + payload.length);
        ByteBuffer buf = ByteBuffer.wrap(payload).order(type.order);
        return Tensor.of(type.decode(buf, n), shape);
    }

    public static void write(Path file, Tensor tensor) throws IOException {
        AtomicFiles.write(file, out -> write(out, tensor));
    }

    /** Writes tensor as a little-endian C-order .npy to out (left open). */
    public static void write(OutputStream out, Tensor tensor) throws IOException {
        DType dtype = tensor.dtype();
        int[] shape = tensor.shape();
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + String.join(", ", Arrays.stream(shape).mapToObj(Integer::toString).toArray(String[]::new)) + ")";
        String dict = "{'descr': '" + descr(dtype) + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
        // NumPy pads the header with spaces and a newline so the data start on a 64-byte boundary.
        int prefix = MAGIC.length + 2 + 2;
        int version = prefix + dict.length() + 1 > 0xFFFF ? 2 : 1;
        if (version == 2) prefix += 2;
        int total = (prefix + dict.length() + 1 + 63) / 64 * 64;
        String header = dict + " ".repeat(total - prefix - dict.length() - 1) + "\n";

        ByteBuffer head = ByteBuffer.allocate(prefix).order(ByteOrder.LITTLE_ENDIAN);
        head.put(MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) head.putShort((short) header.length());
        else head.putInt(header.length());
        out.write(head.array());
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        out.write(encode(tensor));
    }

    private static String descr(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> "<f4";
            case FLOAT64 -> "<f8";
            case INT32 -> "<i4";
            case INT64 -> "<i8";
            case BOOL -> "|b1";
        };
    }

    private static byte[] encode(Tensor t) {
        int n = t.numel();
        ByteBuffer buf = ByteBuffer.allocate(n * t.dtype().byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        switch (t.dtype()) {
            case FLOAT32 -> buf.asFloatBuffer().put(t.toFloatArray());
            case FLOAT64 -> buf.asDoubleBuffer().put(t.toDoubleArray());
            case INT32 -> buf.asIntBuffer().put(t.toIntArray());
            case INT64 -> buf.asLongBuffer().put(t.toLongArray());
            case BOOL -> {
                boolean[] b = t.toBooleanArray();
                for (int i = 0; i < n; i++) buf.put(i, (byte) (b[i] ? 1 : 0));
            }
        }
        return buf.array();
    }

    private static int littleEndian(byte[] b, String source) throws IOException {
        if (b.length != 2 && b.length != 4) throw new IOException(source + ": truncated .npy header length");
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return b.length == 2 ? Short.toUnsignedInt(buf.getShort()) : buf.getInt();
    }

    private static String field(Pattern p, String header, String name, String source) throws IOException {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new IOException(source + ": .npy header has no '" + name + "' entry: " + header.strip());
        return m.group(1);
    }

    private static int[] parseShape(String text, String source) throws IOException {
        String[] parts = text.split(",");
        int[] shape = Arrays.stream(parts).map(String::strip).filter(s -> !s.isEmpty()).mapToInt(s -> {
            try {
                return Integer.parseInt(s.endsWith("L") ? s.substring(0, s.length() - 1) : s);
            } catch (NumberFormatException e) {
                return -1;
            }
        }).toArray();
        for (int d : shape) if (d < 0) throw new IOException(source + ": bad shape (" + text + ") in .npy header");
        return shape;
    }

    /** A NumPy element type Nabla reads: its type code ("f4", "u1", ...), byte order and size. */
    private record ElementType(String code, ByteOrder order, int size) {
        static ElementType of(String descr, String source) throws IOException {
            String code = descr.length() == 3 ? descr.substring(1) : "";
            // '=' is native order, which is little-endian on every platform NumPy writes these files on
            ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            if ("<>|=".indexOf(descr.charAt(0)) >= 0 && code.matches("f4|f8|i4|i8|b1|i1|u1|i2|u2|u4"))
                return new ElementType(code, order, code.charAt(1) - '0');
            throw new IOException(source + ": unsupported .npy dtype '" + descr + "'; expected float32, float64, int32, int64 or bool"
                    + " (int8, uint8, int16, uint16 and uint32 are widened)");
        }

        Storage decode(ByteBuffer buf, int n) {
            return switch (code) {
                case "f4" -> { float[] a = new float[n]; buf.asFloatBuffer().get(a); yield Storage.of(a); }
                case "f8" -> { double[] a = new double[n]; buf.asDoubleBuffer().get(a); yield Storage.of(a); }
                case "i4" -> { int[] a = new int[n]; buf.asIntBuffer().get(a); yield Storage.of(a); }
                case "i8" -> { long[] a = new long[n]; buf.asLongBuffer().get(a); yield Storage.of(a); }
                case "b1" -> { boolean[] a = new boolean[n]; for (int i = 0; i < n; i++) a[i] = buf.get(i) != 0; yield Storage.of(a); }
                case "u4" -> { long[] a = new long[n]; for (int i = 0; i < n; i++) a[i] = Integer.toUnsignedLong(buf.getInt(4 * i)); yield Storage.of(a); }
                default -> { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = narrowInt(buf, i); yield Storage.of(a); }
            };
        }

        private int narrowInt(ByteBuffer buf, int i) {
            return switch (code) {
                case "i1" -> buf.get(i);
                case "u1" -> Byte.toUnsignedInt(buf.get(i));
                case "i2" -> buf.getShort(2 * i);
                case "u2" -> Short.toUnsignedInt(buf.getShort(2 * i));
                default -> throw new IllegalStateException(code);
            };
        }
    }
}
