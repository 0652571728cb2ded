package dev.nabla.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nabla.Autograd;
import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.TensorFn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the PyTorch reference fixtures in {@code src/test/resources/fixtures/core} (format in the
 * README there) and compares Nabla's forward values and gradients with them.
 */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    /** One reference case: op name, params, inputs, expected outputs and gradients. */
    public record Case(String name, String op, JsonNode params, List<Tensor> inputs, List<Tensor> outputs,
                       Tensor gradOutput, List<Tensor> grads) {
        public Tensor input(int i) { return inputs.get(i); }
        public Tensor output() { return outputs.get(0); }
        public int intParam(String key, int fallback) { return params.has(key) ? params.get(key).asInt() : fallback; }
        public double doubleParam(String key, double fallback) { return params.has(key) ? number(params.get(key)) : fallback; }
        public boolean boolParam(String key, boolean fallback) { return params.has(key) ? params.get(key).asBoolean() : fallback; }
        public String stringParam(String key, String fallback) { return params.has(key) ? params.get(key).asText() : fallback; }
        /** An int or a list of ints, as a list of the given length. */
        public int[] intsParam(String key, int length, int fallback) {
            int[] r = new int[length];
            java.util.Arrays.fill(r, fallback);
            if (!params.has(key)) return r;
            JsonNode n = params.get(key);
            if (n.isArray()) {
                int[] v = new int[n.size()];
                for (int i = 0; i < v.length; i++) v[i] = n.get(i).asInt();
                return v;
            }
            java.util.Arrays.fill(r, n.asInt());
            return r;
        }
        public boolean hasGrads() { return gradOutput != null; }
        @Override public String toString() { return name; }
    }

    /** All cases of one fixture file, e.g. "activations". */
    public static List<Case> load(String file) {
        String path = "/fixtures/core/" + file + ".json";
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("fixture file " + path + " is missing from the test resources");
            JsonNode root = JSON.readTree(in);
            List<Case> cases = new ArrayList<>();
            for (JsonNode c : root.get("cases")) cases.add(parseCase(c));
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + path, e);
        }
    }

    /** The cases of one file whose op is one of ops. */
    public static List<Case> load(String file, String... ops) {
        List<String> wanted = List.of(ops);
        return load(file).stream().filter(c -> wanted.contains(c.op())).toList();
    }

    private static Case parseCase(JsonNode c) {
        List<Tensor> outputs = new ArrayList<>();
        if (c.has("output")) outputs.add(tensor(c.get("output")));
        if (c.has("outputs")) for (JsonNode o : c.get("outputs")) outputs.add(tensor(o));
        List<Tensor> grads = new ArrayList<>();
        if (c.has("grads")) for (JsonNode g : c.get("grads")) grads.add(g.isNull() ? null : tensor(g));
        List<Tensor> inputs = new ArrayList<>();
        for (JsonNode i : c.get("inputs")) inputs.add(tensor(i));
        return new Case(c.get("name").asText(), c.get("op").asText(), c.has("params") ? c.get("params") : JSON.createObjectNode(),
                inputs, outputs, c.has("grad_output") ? tensor(c.get("grad_output")) : null, grads);
    }

    static double number(JsonNode n) {
        if (n.isTextual()) {
            return switch (n.asText()) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(n.asText());
            };
        }
        return n.asDouble();
    }

    public static Tensor tensor(JsonNode t) {
        int[] shape = new int[t.get("shape").size()];
        for (int i = 0; i < shape.length; i++) shape[i] = t.get("shape").get(i).asInt();
        DType dtype = DType.fromName(t.get("dtype").asText());
        JsonNode data = t.get("data");
        Tensor out = Nabla.zeros(dtype, shape);
        for (int i = 0; i < data.size(); i++) {
            JsonNode v = data.get(i);
            if (dtype == DType.BOOL) out.storage().setDouble(i, v.asBoolean() ? 1 : 0);
            else if (dtype == DType.INT64 || dtype == DType.INT32) out.storage().setLong(i, v.asLong());
            else out.storage().setDouble(i, number(v));
        }
        return out;
    }

    /** Asserts same shape and values within rtol/atol; NaN matches NaN and infinities must match exactly. */
    public static void assertClose(Tensor expected, Tensor actual, double rtol, double atol, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = expected.toDoubleArray(), a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            boolean ok = Double.isNaN(e[i]) ? Double.isNaN(a[i])
                    : Double.isInfinite(e[i]) ? e[i] == a[i]
                    : Math.abs(e[i] - a[i]) <= atol + rtol * Math.abs(e[i]);
            if (!ok) fail(what + ": element " + i + " expected " + e[i] + " but was " + a[i]);
        }
    }

    /**
     * Runs f on the case's inputs (floating ones made to require grad) and checks the output and, when
     * the case has them, the gradients for the given grad_output.
     */
    public static void check(Case c, TensorFn f, double rtol, double atol) {
        Tensor[] in = new Tensor[c.inputs().size()];
        for (int i = 0; i < in.length; i++) {
            Tensor x = c.input(i);
            in[i] = x.dtype().isFloatingPoint() && c.hasGrads() ? x.detach().requiresGrad(true) : x;
        }
        Tensor y = f.apply(in);
        assertClose(c.output(), y, rtol, atol, c.name() + " output");
        if (!c.hasGrads()) return;
        List<Tensor> diff = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            if (i < c.grads().size() && c.grads().get(i) != null) {
                diff.add(in[i]);
                idx.add(i);
            }
        }
        Tensor[] g = Autograd.grad(new Tensor[] {y}, diff.toArray(Tensor[]::new), new Tensor[] {c.gradOutput()}, false, false, true);
        for (int k = 0; k < g.length; k++) {
            Tensor expected = c.grads().get(idx.get(k));
            Tensor actual = g[k] == null ? Nabla.zerosLike(expected) : g[k];
            assertClose(expected, actual, rtol, atol, c.name() + " grad of input " + idx.get(k));
        }
    }
}
