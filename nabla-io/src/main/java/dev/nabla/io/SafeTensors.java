package dev.nabla.io;

import dev.nabla.Tensor;
import dev.nabla.nn.Module;
import java.io.EOFException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hugging Face's safetensors format: an 8-byte little-endian header length, a JSON header naming each
 * tensor's dtype, shape and byte range, then the raw little-endian C-order data. Files written here
 * load with {@code safetensors.torch.load_file}, and PyTorch's files load here.
 *
 * <p>Nabla's float32, float64, int32, int64 and bool tensors are written as F32, F64, I32, I64 and
 * BOOL; reading also takes F16 and BF16, widened to float32. Writing is atomic (a temporary file in
 * the same folder, renamed into place); reading maps the file and copies each tensor once.
 * Malformed files fail with an {@link IOException} naming the file and what was wrong.
 */
public final class SafeTensors {
    private static final int SCRATCH_BYTES = 1 << 20;

    private SafeTensors() {}

    /** Writes tensors (in map order) and string metadata to file, replacing it atomically. */
    public static void save(Map<String, Tensor> tensors, Path file, Map<String, String> metadata) throws IOException {
        if (tensors.containsKey(Header.METADATA_KEY))
            throw new IllegalArgumentException(file + ": '" + Header.METADATA_KEY + "' is reserved for metadata and cannot name a tensor");
        tensors.forEach((name, t) -> {
            if (t == null) throw new IllegalArgumentException(file + ": tensor '" + name + "' is null");
        });
        // Widest elements first: with the 8-aligned data start, every tensor is aligned to its element size,
        // which zero-copy readers need.
        List<Map.Entry<String, Tensor>> order = new ArrayList<>(tensors.entrySet());
        order.sort(Comparator.comparingInt((Map.Entry<String, Tensor> e) -> -e.getValue().dtype().byteSize()));
        Map<String, Header.Entry> layout = new LinkedHashMap<>();
        long at = 0;
        for (var e : order) {
            Tensor t = e.getValue();
            FileDType dtype = FileDType.of(t.dtype());
            long end = at + (long) t.numel() * dtype.byteSize;
            layout.put(e.getKey(), new Header.Entry(e.getKey(), dtype, t.shape(), at, end));
            at = end;
        }
        List<Header.Entry> entries = tensors.keySet().stream().map(layout::get).toList();
        byte[] header = Header.encode(entries, metadata);
        AtomicWrite.write(file, out -> {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).flip();
            writeFully(out, length);
            writeFully(out, ByteBuffer.wrap(header));
            ByteBuffer scratch = ByteBuffer.allocateDirect(SCRATCH_BYTES);
            for (var e : order) TensorBytes.write(e.getValue(), out, scratch);
        });
    }

    public static void save(Map<String, Tensor> tensors, Path file) throws IOException {
        save(tensors, file, Map.of());
    }

    /** Writes module's state dict (parameters and persistent buffers, PyTorch's names). */
    public static void save(Module module, Path file) throws IOException {
        save(module.stateDict(), file, Map.of());
    }

    /** Every tensor in file, in header order. */
    public static Map<String, Tensor> load(Path file) throws IOException {
        return read(file).tensors();
    }

    /** A whole file: its tensors in header order and its metadata. */
    record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    static Contents read(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            long dataStart = headerEnd(in, file);
            Header header = readHeader(in, file, dataStart);
            Map<String, Tensor> out = new LinkedHashMap<>();
            long dataLength = in.size() - dataStart;
            // Mapped rather than read: each tensor is copied once, from the page cache into its array.
            MemorySegment data = dataLength == 0 ? MemorySegment.NULL : in.map(FileChannel.MapMode.READ_ONLY, dataStart, dataLength, arena);
            for (Header.Entry e : header.entries()) out.put(e.name(), TensorBytes.read(data, e));
            return new Contents(out, header.metadata());
        }
    }

    /** The file's {@code __metadata__} strings, reading only the header. */
    public static Map<String, String> loadMetadata(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            return readHeader(in, file, headerEnd(in, file)).metadata();
        }
    }

    /**
     * Loads file into module's parameters and buffers ({@link Module#loadStateDict}): with strict,
     * missing and unexpected names fail; mis-shaped tensors always do.
     */
    public static Module.LoadResult loadInto(Module module, Path file, boolean strict) throws IOException {
        return module.loadStateDict(load(file), strict);
    }

    /** Reads the header length and returns where the data section starts. */
    private static long headerEnd(FileChannel in, Path file) throws IOException {
        long size = in.size();
        if (size < 8) throw new IOException(file + ": truncated: " + size + " bytes, but a safetensors file starts with an 8-byte header length");
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(in, b, 0, file);
        long n = b.flip().getLong();
        if (n < 0 || n > Header.MAX_HEADER_BYTES)
            throw new IOException(file + ": header length " + Long.toUnsignedString(n) + " exceeds the " + Header.MAX_HEADER_BYTES
                    + "-byte limit; this is not a safetensors file");
        if (8 + n > size) throw new IOException(file + ": truncated: the header needs " + n + " bytes, the file has " + (size - 8) + " after the length");
        return 8 + n;
    }

    private static Header readHeader(FileChannel in, Path file, long dataStart) throws IOException {
        ByteBuffer json = ByteBuffer.allocate((int) (dataStart - 8));
        readFully(in, json, 8, file);
        return Header.parse(json.array(), in.size() - dataStart, file.toString());
    }

    private static void readFully(FileChannel in, ByteBuffer b, long position, Path file) throws IOException {
        while (b.hasRemaining()) {
            if (in.read(b, position + b.position()) < 0) throw new EOFException(file + ": truncated while reading the header");
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) out.write(b);
    }
}
