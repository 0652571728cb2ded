package dev.nabla.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.testing.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the PyTorch module fixtures in {@code src/test/resources/fixtures/nn} (format in the README
 * there) and checks a Nabla module against one: same state dict, same outputs, same gradients.
 */
final class NnFixtures {
    /** The brief's bar for parity; float64 fixtures give far more headroom than this needs. */
    static final double RTOL = 1e-5, ATOL = 1e-8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private NnFixtures() {}

    /** One recorded module run. Lists may hold nulls (an absent output or a non-differentiable input). */
    record Case(String name, String module, JsonNode args, boolean train, Map<String, Tensor> state, List<Tensor> inputs,
                JsonNode kwargs, List<Tensor> outputs, List<Tensor> gradOutputs, List<Tensor> inputGrads,
                Map<String, Tensor> paramGrads, Map<String, Tensor> stateAfter) {
        int intArg(String key, int fallback) { return args.has(key) ? args.get(key).asInt() : fallback; }
        double doubleArg(String key, double fallback) { return args.has(key) ? args.get(key).asDouble() : fallback; }
        boolean boolArg(String key, boolean fallback) { return args.has(key) ? args.get(key).asBoolean() : fallback; }
        String stringArg(String key, String fallback) { return args.has(key) ? args.get(key).asText() : fallback; }
        Tensor tensorArg(String key) { return args.has(key) ? tensor(args.get(key)) : null; }
        /** An int or a list, as a list of the given length. */
        int[] intsArg(String key, int length, int fallback) {
            int[] r = new int[length];
            java.util.Arrays.fill(r, fallback);
            if (!args.has(key)) return r;
            JsonNode n = args.get(key);
            if (!n.isArray()) {
                java.util.Arrays.fill(r, n.asInt());
                return r;
            }
            int[] v = new int[n.size()];
            for (int i = 0; i < v.length; i++) v[i] = n.get(i).asInt();
            return v;
        }
        Tensor kwTensor(String key) { return kwargs.has(key) ? tensor(kwargs.get(key)) : null; }
        boolean kwBool(String key, boolean fallback) { return kwargs.has(key) ? kwargs.get(key).asBoolean() : fallback; }
        Reduction reduction() {
            return switch (stringArg("reduction", "mean")) {
                case "none" -> Reduction.NONE;
                case "sum" -> Reduction.SUM;
                case "batchmean" -> Reduction.BATCH_MEAN;
                default -> Reduction.MEAN;
            };
        }
        @Override public String toString() { return name; }
    }

    static List<Case> load(String file) {
        String path = "/fixtures/nn/" + file + ".json";
        try (InputStream in = NnFixtures.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("fixture file " + path + " is missing from the test resources");
            List<Case> cases = new ArrayList<>();
            for (JsonNode c : JSON.readTree(in).get("cases")) cases.add(parse(c));
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + path, e);
        }
    }

    private static Case parse(JsonNode c) {
        return new Case(c.get("name").asText(), c.get("module").asText(), c.get("args"), c.get("train").asBoolean(),
                tensors(c.get("state")), list(c.get("inputs")), c.get("kwargs"), list(c.get("outputs")),
                list(c.get("grad_outputs")), list(c.get("input_grads")), tensors(c.get("param_grads")), tensors(c.get("state_after")));
    }

    private static List<Tensor> list(JsonNode n) {
        List<Tensor> out = new ArrayList<>();
        if (n != null) for (JsonNode t : n) out.add(t.isNull() ? null : tensor(t));
        return out;
    }

    private static Map<String, Tensor> tensors(JsonNode n) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (n != null) n.properties().forEach(e -> out.put(e.getKey(), tensor(e.getValue())));
        return out;
    }

    static Tensor tensor(JsonNode t) {
        return Fixtures.tensor(t);
    }

    static void assertClose(Tensor expected, Tensor actual, String what) {
        assertNotNull(actual, what + ": Nabla returned null");
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = expected.toDoubleArray(), a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            boolean ok = Double.isNaN(e[i]) ? Double.isNaN(a[i])
                    : Double.isInfinite(e[i]) ? e[i] == a[i]
                    : Math.abs(e[i] - a[i]) <= ATOL + RTOL * Math.abs(e[i]);
            if (!ok) fail(what + ": element " + i + " expected " + e[i] + " but was " + a[i]);
        }
    }

    /**
     * Loads the case's state into module (converted to float64), runs forward on the case's inputs, and
     * compares outputs, the gradients of sum(output_i * grad_output_i) for floating inputs and every
     * parameter, and buffers the forward changed (running statistics).
     */
    static void check(Case c, Module module, Function<Tensor[], Tensor[]> forward) {
        module.to(DType.FLOAT64);
        module.loadStateDict(c.state(), true);
        module.train(c.train());
        Tensor[] in = new Tensor[c.inputs().size()];
        for (int i = 0; i < in.length; i++) {
            Tensor x = c.inputs().get(i);
            in[i] = x != null && x.dtype().isFloatingPoint() ? x.detach().requiresGrad(true) : x;
        }
        Tensor[] out = forward.apply(in);
        for (int i = 0; i < c.outputs().size(); i++) {
            Tensor expected = c.outputs().get(i);
            if (expected == null) assertNull(i < out.length ? out[i] : null, c.name() + " output " + i + " should be absent");
            else assertClose(expected, out[i], c.name() + " output " + i);
        }
        for (var e : c.stateAfter().entrySet())
            assertClose(e.getValue(), module.stateDict().get(e.getKey()), c.name() + " state after forward: " + e.getKey());
        if (c.gradOutputs().isEmpty()) return;
        Tensor total = null;
        for (int i = 0; i < out.length && i < c.gradOutputs().size(); i++) {
            Tensor g = c.gradOutputs().get(i);
            if (g == null) continue;
            Tensor term = out[i].mul(g).sum();
            total = total == null ? term : total.add(term);
        }
        assertNotNull(total, c.name() + ": no differentiable output");
        total.backward();
        for (int i = 0; i < in.length; i++) {
            Tensor expected = i < c.inputGrads().size() ? c.inputGrads().get(i) : null;
            if (expected == null) continue;
            Tensor g = in[i].grad() == null ? Nabla.zerosLike(expected) : in[i].grad();
            assertClose(expected, g, c.name() + " grad of input " + i);
        }
        Map<String, Tensor> params = module.namedParameters();
        for (var e : c.paramGrads().entrySet()) {
            Tensor p = params.get(e.getKey());
            assertNotNull(p, c.name() + ": Nabla module has no parameter " + e.getKey() + "; it has " + params.keySet());
            Tensor g = p.grad() == null ? Nabla.zerosLike(e.getValue()) : p.grad();
            assertClose(e.getValue(), g, c.name() + " grad of " + e.getKey());
        }
    }

    /** forward for the common single-input layer. */
    static Function<Tensor[], Tensor[]> single(Layer layer) {
        return in -> new Tensor[] {layer.forward(in[0])};
    }
}
