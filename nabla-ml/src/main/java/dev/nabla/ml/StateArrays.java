package dev.nabla.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves the numeric arrays of a saved model out of its JSON into named tensors and back, so a file
 * format with a binary section (safetensors) holds the learned arrays exactly and compactly while the
 * JSON keeps the class, the hyper-parameters and the scalars.
 *
 * <p>Every homogeneous array under a model's learned state becomes a tensor: all floating-point values
 * give float64, all integers int64, all booleans bool; an array of equally long such rows gives a 2-D
 * tensor. In the JSON it is replaced by {@code {"$tensor": name}}, the name being its path with dots
 * ({@code state.trees.3.threshold}). Hyper-parameters ({@code params}) stay JSON: they are small and
 * meant to be read. Mixed arrays stay JSON too, since their element types could not be restored.
 */
final class StateArrays {
    static final String REF = "$tensor";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StateArrays() {}

    /** Replaces the arrays in root (in place) with references; returns the tensors in path order. */
    static Map<String, Tensor> extract(ObjectNode root) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        extract(root, "", out);
        return out;
    }

    private static void extract(JsonNode node, String path, Map<String, Tensor> out) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("params")) continue;
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                Tensor t = field.getValue() instanceof ArrayNode a ? toTensor(a) : null;
                if (t != null) {
                    out.put(child, t);
                    field.setValue(NODES.objectNode().put(REF, child));
                } else {
                    extract(field.getValue(), child, out);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                Tensor t = a.get(i) instanceof ArrayNode inner ? toTensor(inner) : null;
                if (t != null) {
                    out.put(path + "." + i, t);
                    a.set(i, NODES.objectNode().put(REF, path + "." + i));
                } else {
                    extract(a.get(i), path + "." + i, out);
                }
            }
        }
    }

    /** Puts the referenced tensors back into root (in place); fails on a missing or unused tensor. */
    static void restore(ObjectNode root, Map<String, Tensor> tensors, String source) {
        Map<String, Tensor> unused = new LinkedHashMap<>(tensors);
        resolveAll(root, unused, source);
        if (!unused.isEmpty()) throw new IllegalArgumentException(source + ": tensors " + unused.keySet() + " are not referenced by the model");
    }

    private static void resolveAll(JsonNode node, Map<String, Tensor> unused, String source) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if (isRef(value)) field.setValue(resolve(value, unused, source));
                else resolveAll(value, unused, source);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (isRef(a.get(i))) a.set(i, resolve(a.get(i), unused, source));
                else resolveAll(a.get(i), unused, source);
            }
        }
    }

    private static boolean isRef(JsonNode n) {
        return n instanceof ObjectNode o && o.size() == 1 && o.has(REF);
    }

    private static ArrayNode resolve(JsonNode ref, Map<String, Tensor> unused, String source) {
        String name = ref.get(REF).asText();
        Tensor t = unused.remove(name);
        if (t == null) throw new IllegalArgumentException(source + ": the model refers to tensor '" + name + "', which the file does not hold");
        if (t.dim() == 1) return toJson(t);
        if (t.dim() != 2) throw new IllegalArgumentException(source + ": tensor '" + name + "' has shape " + t.shape() + "; model arrays are 1-D or 2-D");
        ArrayNode rows = NODES.arrayNode();
        for (int r = 0; r < t.size(0); r++) rows.add(toJson(t.select(0, r)));
        return rows;
    }

    private static ArrayNode toJson(Tensor t) {
        ArrayNode a = NODES.arrayNode();
        switch (t.dtype()) {
            case FLOAT64, FLOAT32 -> { for (double v : t.toDoubleArray()) a.add(v); }
            case INT64, INT32 -> { for (long v : t.toLongArray()) a.add(v); }
            case BOOL -> { for (long v : t.toLongArray()) a.add(v != 0); }
        }
        return a;
    }

    private enum Kind { FLOATING, INTEGRAL, BOOLEAN }

    /** The array as a 1-D or 2-D tensor, or null when it is empty, mixed or ragged. */
    private static Tensor toTensor(ArrayNode a) {
        if (a.isEmpty()) return null;
        if (a.get(0) instanceof ArrayNode) return rows(a);
        Kind kind = kindOf(a);
        return kind == null ? null : flat(List.of(a), kind, a.size());
    }

    private static Tensor rows(ArrayNode a) {
        int width = a.get(0).size();
        if (width == 0) return null;
        Kind kind = null;
        List<ArrayNode> rows = new ArrayList<>();
        for (JsonNode row : a) {
            if (!(row instanceof ArrayNode r) || r.size() != width) return null;
            Kind k = kindOf(r);
            if (k == null || (kind != null && k != kind)) return null;
            kind = k;
            rows.add(r);
        }
        return flat(rows, kind, width).reshape(rows.size(), width);
    }

    private static Kind kindOf(ArrayNode a) {
        Kind kind = null;
        for (JsonNode v : a) {
            Kind k = v.isFloatingPointNumber() ? Kind.FLOATING : v.isIntegralNumber() && v.canConvertToLong() ? Kind.INTEGRAL : v.isBoolean() ? Kind.BOOLEAN : null;
            if (k == null || (kind != null && k != kind)) return null;
            kind = k;
        }
        return kind;
    }

    private static Tensor flat(List<ArrayNode> rows, Kind kind, int width) {
        int n = rows.size() * width, i = 0;
        if (kind == Kind.FLOATING) {
            double[] v = new double[n];
            for (ArrayNode r : rows) for (JsonNode e : r) v[i++] = e.doubleValue();
            return Nabla.tensor(v, n);
        }
        if (kind == Kind.BOOLEAN) {
            boolean[] v = new boolean[n];
            for (ArrayNode r : rows) for (JsonNode e : r) v[i++] = e.booleanValue();
            return Nabla.tensor(v, n);
        }
        long[] v = new long[n];
        for (ArrayNode r : rows) for (JsonNode e : r) v[i++] = e.longValue();
        return Nabla.tensor(v, n);
    }
}
