package dev.nabla.io;

import dev.nabla.Storage;
import dev.nabla.Tensor;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;

/** Copies tensor elements between Java arrays and little-endian bytes, in bulk through the FFM API. */
final class TensorBytes {
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private TensorBytes() {}

    /** The tensor entry describes, read from data (the file's data section). */
    static Tensor read(MemorySegment data, Header.Entry entry) {
        int n = entry.numel();
        long at = entry.begin();
        Storage s = Storage.allocate(entry.dtype().loadsAs, n);
        switch (entry.dtype()) {
            case F64 -> MemorySegment.copy(data, F64, at, s.doubles(), 0, n);
            case F32 -> MemorySegment.copy(data, F32, at, s.floats(), 0, n);
            case I64 -> MemorySegment.copy(data, I64, at, s.longs(), 0, n);
            case I32 -> MemorySegment.copy(data, I32, at, s.ints(), 0, n);
            case BOOL -> {
                boolean[] b = s.bools();
                for (int i = 0; i < n; i++) b[i] = data.get(ValueLayout.JAVA_BYTE, at + i) != 0;
            }
            case F16 -> {
                float[] f = s.floats();
                for (int i = 0; i < n; i++) f[i] = Float.float16ToFloat(data.get(I16, at + 2L * i));
            }
            case BF16 -> {
                // bfloat16 is the top half of a float32's bits.
                float[] f = s.floats();
                for (int i = 0; i < n; i++) f[i] = Float.intBitsToFloat((data.get(I16, at + 2L * i) & 0xFFFF) << 16);
            }
        }
        return Tensor.of(s, entry.shape());
    }

    /**
     * Writes t's elements in C order. A view (transposed, sliced, expanded) is first copied to a
     * contiguous tensor, whose elements then start at its offset in storage.
     */
    static void write(Tensor t, WritableByteChannel out, ByteBuffer scratch) throws IOException {
        Tensor c = t.detach().contiguous();
        Storage s = c.storage();
        int n = c.numel(), from = c.offset(), size = FileDType.of(c.dtype()).byteSize;
        int perChunk = scratch.capacity() / size;
        MemorySegment buffer = MemorySegment.ofBuffer(scratch.clear());
        for (int done = 0; done < n; done += perChunk) {
            int k = Math.min(perChunk, n - done), src = from + done;
            switch (c.dtype()) {
                case FLOAT64 -> MemorySegment.copy(s.doubles(), src, buffer, F64, 0, k);
                case FLOAT32 -> MemorySegment.copy(s.floats(), src, buffer, F32, 0, k);
                case INT64 -> MemorySegment.copy(s.longs(), src, buffer, I64, 0, k);
                case INT32 -> MemorySegment.copy(s.ints(), src, buffer, I32, 0, k);
                case BOOL -> {
                    boolean[] b = s.bools();
                    for (int i = 0; i < k; i++) buffer.set(ValueLayout.JAVA_BYTE, i, (byte) (b[src + i] ? 1 : 0));
                }
            }
            scratch.clear().limit(k * size);
            while (scratch.hasRemaining()) out.write(scratch);
        }
    }
}
