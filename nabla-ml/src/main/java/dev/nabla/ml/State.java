package dev.nabla.ml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The learned state of a fitted estimator as named JSON values: small arrays, numbers, labels and
 * nested fitted estimators. Big weight arrays belong in safetensors once nabla-io exists.
 */
public final class State {
    private final ObjectNode node;
    private final String owner;

    State(ObjectNode node, String owner) {
        this.node = node;
        this.owner = owner;
    }

    /** Stores any JSON-mappable value: arrays, numbers, strings, records such as {@link Labels}. */
    public State put(String key, Object value) {
        node.set(key, ModelIO.JSON.valueToTree(value));
        return this;
    }

    public State putModel(String key, Estimator model) {
        node.set(key, ModelIO.encode(model));
        return this;
    }

    public State putModels(String key, List<? extends Estimator> models) {
        ArrayNode array = node.putArray(key);
        for (Estimator m : models) array.add(ModelIO.encode(m));
        return this;
    }

    public <T> T get(String key, Class<T> type) {
        try {
            return ModelIO.JSON.treeToValue(required(key), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(owner + ": saved state '" + key + "' is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public double[] doubles(String key) {
        return get(key, double[].class);
    }

    public double[][] matrix(String key) {
        return get(key, double[][].class);
    }

    public int[] ints(String key) {
        return get(key, int[].class);
    }

    public double number(String key) {
        return get(key, Double.class);
    }

    public int integer(String key) {
        return get(key, Integer.class);
    }

    /** Whether the state holds key (for state added in later versions). */
    public boolean has(String key) {
        return node.has(key);
    }

    public Estimator model(String key) {
        return ModelIO.decode(required(key));
    }

    public List<Estimator> models(String key) {
        List<Estimator> out = new ArrayList<>();
        for (JsonNode n : required(key)) out.add(ModelIO.decode(n));
        return out;
    }

    private JsonNode required(String key) {
        JsonNode value = node.get(key);
        if (value == null) throw new IllegalArgumentException(owner + ": saved state lacks '" + key + "'");
        return value;
    }
}
