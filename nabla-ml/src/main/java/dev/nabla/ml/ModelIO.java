package dev.nabla.ml;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nabla.Tensor;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Saves fitted (or unfitted) estimators as JSON: class, hyper-parameters and learned state; {@link #toParts}
 * splits the learned arrays out for safetensors files (nabla-io's {@code EstimatorFiles}). Never Java
 * serialization: a model file is data, and loading only instantiates estimator classes of dev.nabla.ml.
 * Files are written to a temporary sibling and moved into place, so a crash never leaves half a model.
 */
public final class ModelIO {
    static final String FORMAT = "nabla-ml";
    static final int VERSION = 1;
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private ModelIO() {}

    public static void save(Estimator estimator, Path path) throws IOException {
        Path target = path.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, toJson(estimator));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static Estimator load(Path path) throws IOException {
        return fromJson(Files.readString(path));
    }

    /** Loads and checks the estimator's type: {@code ModelIO.load(path, Ridge.class)}. */
    public static <T extends Estimator> T load(Path path, Class<T> type) throws IOException {
        Estimator e = load(path);
        if (!type.isInstance(e)) throw new IllegalArgumentException(path + " holds a " + e.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        return type.cast(e);
    }

    public static String toJson(Estimator estimator) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT).put("version", VERSION);
        root.setAll(encode(estimator));
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Estimator fromJson(String json) {
        return decode(checkedRoot(json));
    }

    /**
     * A model split for a file with a binary section: the JSON of {@link #toJson} with every learned
     * numeric array replaced by a reference {@code {"$tensor": name}}, and those arrays as tensors
     * (float64, int64 or bool; 1-D or 2-D). nabla-io's {@code EstimatorFiles} writes them as one
     * safetensors file.
     */
    public record Parts(String json, Map<String, Tensor> arrays) {
        public Parts {
            arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
        }
    }

    public static Parts toParts(Estimator estimator) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT).put("version", VERSION);
        root.setAll(encode(estimator));
        Map<String, Tensor> arrays = StateArrays.extract(root);
        try {
            return new Parts(JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root), arrays);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The inverse of {@link #toParts}; source names the file in error messages. */
    public static Estimator fromParts(Parts parts, String source) {
        ObjectNode root = checkedRoot(parts.json());
        StateArrays.restore(root, parts.arrays(), source);
        return decode(root);
    }

    private static ObjectNode checkedRoot(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a nabla-ml model: " + e.getMessage(), e);
        }
        if (!(root instanceof ObjectNode object)) throw new IllegalArgumentException("not a nabla-ml model: the JSON is not an object");
        if (!FORMAT.equals(root.path("format").asText()))
            throw new IllegalArgumentException("not a nabla-ml model: format is '" + root.path("format").asText() + "'");
        if (root.path("version").asInt() != VERSION)
            throw new IllegalArgumentException("nabla-ml model version " + root.path("version") + " is not supported (this build reads " + VERSION + ")");
        return object;
    }

    static ObjectNode encode(Estimator estimator) {
        if (!(estimator instanceof BaseEstimator<?, ?> base))
            throw new IllegalArgumentException("cannot save " + estimator.getClass().getName() + ": only BaseEstimator subclasses are savable");
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("estimator", estimator.getClass().getName());
        node.set("params", encodeValue(base.options()));
        node.put("fitted", base.isFitted());
        if (base.isFitted()) base.saveState(new State(node.putObject("state"), base.name()));
        return node;
    }

    static Estimator decode(JsonNode node) {
        String className = node.path("estimator").asText();
        Class<?> type = estimatorClass(className);
        Constructor<?> constructor = optionsConstructor(type);
        Object options = decodeValue(node.path("params"), constructor.getGenericParameterTypes()[0], type.getSimpleName());
        BaseEstimator<?, ?> estimator;
        try {
            estimator = (BaseEstimator<?, ?>) constructor.newInstance(options);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + className, e);
        }
        if (node.path("fitted").asBoolean()) {
            JsonNode state = node.get("state");
            if (!(state instanceof ObjectNode o)) throw new IllegalArgumentException(className + ": fitted model without state");
            estimator.loadState(new State(o, estimator.name()));
            estimator.markFitted();
        }
        return estimator;
    }

    private static Class<?> estimatorClass(String name) {
        if (!name.startsWith("dev.nabla.ml.")) throw new IllegalArgumentException("refusing to load '" + name + "': not a dev.nabla.ml estimator");
        try {
            Class<?> type = Class.forName(name, false, ModelIO.class.getClassLoader());
            if (!BaseEstimator.class.isAssignableFrom(type)) throw new IllegalArgumentException("refusing to load '" + name + "': not an estimator");
            return type;
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("unknown estimator class '" + name + "'", e);
        }
    }

    /** Every estimator has a public constructor taking its options record. */
    private static Constructor<?> optionsConstructor(Class<?> type) {
        for (Constructor<?> c : type.getConstructors())
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0].isRecord()) return c;
        throw new IllegalArgumentException(type.getName() + " has no public constructor taking its Options");
    }

    private static JsonNode encodeValue(Object value) {
        if (value instanceof Estimator e) return encode(e);
        if (value instanceof Enum<?> e) return JSON.valueToTree(e.name().toLowerCase(Locale.ROOT));
        if (value instanceof Record r) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            Params.of(r).forEach((k, v) -> { if (!k.contains(".")) o.set(k, encodeValue(v)); });
            return o;
        }
        if (value instanceof List<?> list) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            for (Object v : list) a.add(encodeValue(v));
            return a;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            map.forEach((k, v) -> o.set(String.valueOf(k), encodeValue(v)));
            return o;
        }
        return JSON.valueToTree(value);
    }

    private static Object decodeValue(JsonNode node, Type type, String owner) {
        Class<?> raw = Params.rawClass(type);
        if (node == null || node.isNull() || node.isMissingNode()) return null;
        if (Estimator.class.isAssignableFrom(raw)) return decode(node);
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                JsonNode field = node.get(components[i].getName());
                if (field == null) throw new IllegalArgumentException(owner + ": saved params lack '" + components[i].getName() + "'");
                args[i] = Params.coerce(owner, components[i].getName(), decodeValue(field, components[i].getGenericType(), owner), components[i].getGenericType());
            }
            return Params.construct(raw, components, args);
        }
        if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>();
            for (JsonNode n : node) out.add(decodeValue(n, element, owner));
            return out;
        }
        if (raw == Map.class) {
            Type[] kv = ((ParameterizedType) type).getActualTypeArguments();
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Object key = kv[0] == Double.class ? (Object) Double.valueOf(e.getKey()) : e.getKey();
                out.put(key, decodeValue(e.getValue(), kv[1], owner));
            }
            return out;
        }
        if (raw.isEnum()) return Params.coerce(owner, "value", node.asText(), raw);
        try {
            return JSON.treeToValue(node, raw);
        } catch (IOException e) {
            throw new IllegalArgumentException(owner + ": saved value " + node + " is not a " + raw.getSimpleName(), e);
        }
    }
}
