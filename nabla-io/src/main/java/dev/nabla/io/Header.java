package dev.nabla.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A safetensors header: the tensors' names, types, shapes and byte ranges, plus the free-form string
 * metadata. Parsing validates everything the data section is read by, with the reference
 * implementation's rules (ranges tile the data section exactly), so a file Nabla accepts is one the
 * Python {@code safetensors} package accepts too.
 */
record Header(List<Entry> entries, Map<String, String> metadata) {
    static final String METADATA_KEY = "__metadata__";
    /** The reference implementation's limit; a larger length means this is not a safetensors file. */
    static final long MAX_HEADER_BYTES = 100_000_000;

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** One tensor: its element type, shape and [begin, end) byte range within the data section. */
    record Entry(String name, FileDType dtype, int[] shape, long begin, long end) {
        int numel() {
            return (int) ((end - begin) / dtype.byteSize);   // parse checked it fits an int
        }
    }

    /** Parses and checks the JSON header of file against a data section of dataLength bytes. */
    static Header parse(byte[] json, long dataLength, String file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": bad safetensors header JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new IOException(file + ": bad safetensors header: expected a JSON object");
        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (var field : root.properties()) {
            if (field.getKey().equals(METADATA_KEY)) readMetadata(field.getValue(), metadata, file);
            else entries.add(entry(field.getKey(), field.getValue(), file));
        }
        checkLayout(entries, dataLength, file);
        return new Header(List.copyOf(entries), metadata);
    }

    private static void readMetadata(JsonNode node, Map<String, String> out, String file) throws IOException {
        if (!node.isObject()) throw new IOException(file + ": bad safetensors header: " + METADATA_KEY + " must be an object of strings");
        for (var e : node.properties()) {
            if (!e.getValue().isTextual())
                throw new IOException(file + ": bad safetensors header: " + METADATA_KEY + " value of '" + e.getKey() + "' is not a string");
            out.put(e.getKey(), e.getValue().textValue());
        }
    }

    private static Entry entry(String name, JsonNode node, String file) throws IOException {
        String where = file + ": tensor '" + name + "'";
        if (!node.isObject()) throw new IOException(where + ": expected an object with dtype, shape and data_offsets");
        JsonNode dtypeNode = node.get("dtype"), shapeNode = node.get("shape"), offsets = node.get("data_offsets");
        if (dtypeNode == null || !dtypeNode.isTextual()) throw new IOException(where + ": missing or non-string 'dtype'");
        FileDType dtype = FileDType.fromCode(dtypeNode.textValue()).orElseThrow(() -> new IOException(where + ": dtype "
                + dtypeNode.textValue() + " is not supported (Nabla reads F64, F32, I64, I32, BOOL, F16 and BF16)"));
        if (shapeNode == null || !shapeNode.isArray()) throw new IOException(where + ": missing or non-array 'shape'");
        int[] shape = new int[shapeNode.size()];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToExactIntegral() || !d.canConvertToLong() || d.longValue() < 0)
                throw new IOException(where + ": shape " + shapeNode + " must hold non-negative integers");
            if (d.longValue() > Integer.MAX_VALUE || (numel = multiply(numel, d.longValue())) > Integer.MAX_VALUE)
                throw new IOException(where + ": shape " + shapeNode + " has more than 2^31-1 elements, the most a Nabla tensor holds");
            shape[i] = (int) d.longValue();
        }
        if (offsets == null || !offsets.isArray() || offsets.size() != 2 || !isOffset(offsets.get(0)) || !isOffset(offsets.get(1)))
            throw new IOException(where + ": 'data_offsets' must be [begin, end] with non-negative integers, got " + offsets);
        long begin = offsets.get(0).longValue(), end = offsets.get(1).longValue();
        if (end < begin) throw new IOException(where + ": data_offsets " + offsets + " end before they begin");
        if (end - begin != numel * dtype.byteSize)
            throw new IOException(where + ": shape " + Arrays.toString(shape) + " of " + dtype.code + " needs " + numel * dtype.byteSize
                    + " bytes, but data_offsets " + offsets + " span " + (end - begin));
        return new Entry(name, dtype, shape, begin, end);
    }

    private static long multiply(long a, long b) {
        return b == 0 ? 0 : a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    private static boolean isOffset(JsonNode n) {
        return n.canConvertToExactIntegral() && n.canConvertToLong() && n.longValue() >= 0;
    }

    /** The byte ranges must follow one another with no overlap or gap and end exactly at the end of the file. */
    private static void checkLayout(List<Entry> entries, long dataLength, String file) throws IOException {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long at = 0;
        String previous = null;
        for (Entry e : sorted) {
            if (e.begin < at)
                throw new IOException(file + ": tensor '" + e.name + "' (bytes " + e.begin + ".." + e.end + ") overlaps tensor '" + previous + "'");
            if (e.begin > at)
                throw new IOException(file + ": bytes " + at + ".." + e.begin + " of the data section belong to no tensor (before '" + e.name + "')");
            if (e.end > dataLength)
                throw new IOException(file + ": truncated: tensor '" + e.name + "' ends at data byte " + e.end + ", but the data section has only "
                        + dataLength + " bytes");
            at = e.end;
            previous = e.name;
        }
        if (at != dataLength)
            throw new IOException(file + ": " + (dataLength - at) + " bytes after the last tensor's data; expected the tensors to end the file");
    }

    /** The JSON text of a header for tensors laid out as entries, padded with spaces to a multiple of 8 bytes. */
    static byte[] encode(List<Entry> entries, Map<String, String> metadata) {
        ObjectNode root = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject(METADATA_KEY);
            metadata.forEach(meta::put);
        }
        for (Entry e : entries) {
            ObjectNode t = root.putObject(e.name);
            t.put("dtype", e.dtype.code);
            var shape = t.putArray("shape");
            for (int d : e.shape) shape.add(d);
            t.putArray("data_offsets").add(e.begin).add(e.end);
        }
        byte[] text = root.toString().getBytes(StandardCharsets.UTF_8);
        // 8 + padded length is a multiple of 8, so the data section (and every tensor in it) is aligned.
        int padded = (text.length + 7) & ~7;
        byte[] out = Arrays.copyOf(text, padded);
        Arrays.fill(out, text.length, padded, (byte) ' ');
        return out;
    }
}
