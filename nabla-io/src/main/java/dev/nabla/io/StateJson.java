package dev.nabla.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nabla.Tensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nested state (optimizer and scheduler state dicts, user extras) as JSON whose tensors live beside it
 * in the safetensors data, so a checkpoint is one file. Plain JSON loses what the state dicts rely
 * on, so a few tagged objects keep every value's Java type exactly:
 * <pre>
 * null, Boolean, String, Integer       as JSON (Integer as an integral number)
 * Double                                a JSON number with a fraction or exponent; NaN and infinities as {"$double": "NaN"}
 * Long, Float                           {"$long": 7}, {"$float": 0.5}
 * Tensor                                {"$tensor": "name of the tensor in the file"}
 * List                                  array
 * Map with String keys, none "$..."     object (order kept)
 * any other Map (e.g. Integer keys)     {"$map": [[key, value], ...]}
 * </pre>
 * Doubles are written with Java's shortest round-tripping form, so they come back bit for bit.
 */
final class StateJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final ObjectMapper MAPPER = new ObjectMapper();

    private StateJson() {}

    /** Encodes value, adding its tensors to tensors under names starting with path. */
    static JsonNode encode(Object value, String path, Map<String, Tensor> tensors) {
        return switch (value) {
            case null -> NODES.nullNode();
            case Boolean b -> NODES.booleanNode(b);
            case String s -> NODES.textNode(s);
            case Integer i -> NODES.numberNode(i);
            case Long l -> tagged("$long", NODES.numberNode(l));
            case Float f -> tagged("$float", NODES.numberNode(f.doubleValue()));
            case Double d -> Double.isFinite(d) ? NODES.numberNode(d) : tagged("$double", NODES.textNode(d.toString()));
            case Tensor t -> {
                String name = path;
                for (int k = 1; tensors.containsKey(name); k++) name = path + "~" + k;
                tensors.put(name, t);
                yield tagged("$tensor", NODES.textNode(name));
            }
            case List<?> list -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = 0; i < list.size(); i++) a.add(encode(list.get(i), path + "/" + i, tensors));
                yield a;
            }
            case Map<?, ?> map when map.keySet().stream().allMatch(k -> k instanceof String s && !s.startsWith("$")) -> {
                ObjectNode o = NODES.objectNode();
                for (var e : map.entrySet()) o.set((String) e.getKey(), encode(e.getValue(), path + "/" + e.getKey(), tensors));
                yield o;
            }
            case Map<?, ?> map -> {
                ArrayNode pairs = NODES.arrayNode();
                for (var e : map.entrySet()) {
                    String at = path + "/" + e.getKey();
                    pairs.add(NODES.arrayNode().add(encode(e.getKey(), at + "(key)", tensors)).add(encode(e.getValue(), at, tensors)));
                }
                yield tagged("$map", pairs);
            }
            default -> throw unsupported(value, path);
        };
    }

    /**
     * A deep copy of value (tensors cloned, maps and lists copied), so that training going on after a
     * checkpoint is taken cannot change it; fails on values {@link #encode} cannot store.
     */
    static Object snapshot(Object value, String path) {
        return switch (value) {
            case null -> null;
            case Boolean _, String _, Integer _, Long _, Float _, Double _ -> value;
            case Tensor t -> t.detach().clone();
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) copy.add(snapshot(list.get(i), path + "/" + i));
                yield copy;
            }
            case Map<?, ?> map -> {
                Map<Object, Object> copy = new LinkedHashMap<>();
                for (var e : map.entrySet()) copy.put(snapshot(e.getKey(), path + "(key)"), snapshot(e.getValue(), path + "/" + e.getKey()));
                yield copy;
            }
            default -> throw unsupported(value, path);
        };
    }

    private static IllegalArgumentException unsupported(Object value, String path) {
        return new IllegalArgumentException("checkpoint: cannot store " + path + " (a " + value.getClass().getName()
                + "); state may hold maps, lists, tensors, strings, booleans, Integer, Long, Float and Double");
    }

    private static ObjectNode tagged(String tag, JsonNode value) {
        return NODES.objectNode().set(tag, value);
    }

    /** The value node encodes, with its tensors taken from tensors; source names the file in errors. */
    static Object decode(JsonNode node, Map<String, Tensor> tensors, String source) throws IOException {
        if (node.isNull() || node.isMissingNode()) return null;
        if (node.isBoolean()) return node.booleanValue();
        if (node.isTextual()) return node.textValue();
        if (node.isIntegralNumber()) return node.intValue();
        if (node.isNumber()) return node.doubleValue();
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode item : node) list.add(decode(item, tensors, source));
            return list;
        }
        if (node.size() == 1) {
            var only = node.properties().iterator().next();
            JsonNode v = only.getValue();
            switch (only.getKey()) {
                case "$long" -> { return v.longValue(); }
                case "$float" -> { return (float) v.doubleValue(); }
                case "$double" -> { return Double.valueOf(v.textValue()); }
                case "$tensor" -> {
                    Tensor t = tensors.get(v.textValue());
                    if (t == null) throw new IOException(source + ": checkpoint state refers to tensor '" + v.textValue() + "', which the file lacks");
                    return t;
                }
                case "$map" -> {
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (JsonNode pair : v) map.put(decode(pair.get(0), tensors, source), decode(pair.get(1), tensors, source));
                    return map;
                }
                default -> { }
            }
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (var e : node.properties()) map.put(e.getKey(), decode(e.getValue(), tensors, source));
        return map;
    }
}
