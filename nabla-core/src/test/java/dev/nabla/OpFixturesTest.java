package dev.nabla;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.testing.Fixtures;
import dev.nabla.testing.Fixtures.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the PyTorch fixtures for activations, reductions (cumsum/cumprod are tested elsewhere)
 * and matmul: values and gradients in float64, then the forward values again in float32, whose
 * kernels are the vectorised ones.
 *
 * <p>One line per PyTorch op maps the op and its params to the Nabla call. {@code max/min(dim)}: Nabla's
 * {@code max(dim, keepDim)} returns the values only and splits tied gradients evenly (amax semantics),
 * while PyTorch sends the whole gradient to the first index; those cases check the values, compare
 * {@code argmax/argmin} with PyTorch's indices, and check gradients only when the slice has no ties.
 */
class OpFixturesTest {
    private static final double RTOL = 1e-9, ATOL = 1e-10;
    private static final double RTOL_F32 = 1e-5, ATOL_F32 = 1e-5;

    /** PyTorch op -> Nabla call, given the case (for params). */
    private static final Map<String, Function<Case, TensorFn>> OPS = Map.ofEntries(
            // activations.json
            Map.entry("gelu", c -> x -> x[0].gelu(c.stringParam("approximate", "none"))),
            Map.entry("elu", c -> x -> x[0].elu(c.doubleParam("alpha", 1.0))),
            Map.entry("silu", c -> x -> x[0].silu()),
            Map.entry("softplus", c -> x -> x[0].softplus(c.doubleParam("beta", 1), c.doubleParam("threshold", 20))),
            Map.entry("leaky_relu", c -> x -> x[0].leakyRelu(c.doubleParam("negative_slope", 0.01))),
            Map.entry("sigmoid", c -> x -> x[0].sigmoid()),
            Map.entry("tanh", c -> x -> x[0].tanh()),
            Map.entry("relu", c -> x -> x[0].relu()),
            Map.entry("log1p", c -> x -> x[0].log1p()),
            Map.entry("expm1", c -> x -> x[0].expm1()),
            Map.entry("rsqrt", c -> x -> x[0].rsqrt()),
            Map.entry("pow", c -> x -> x.length == 2 ? x[0].pow(x[1]) : x[0].pow(c.doubleParam("exponent", Double.NaN))),
            Map.entry("clamp", c -> x -> x[0].clamp(c.doubleParam("min", Double.NEGATIVE_INFINITY), c.doubleParam("max", Double.POSITIVE_INFINITY))),
            // reductions.json
            Map.entry("sum", c -> x -> x[0].sum(dims(c), keepdim(c))),
            Map.entry("mean", c -> x -> x[0].mean(dims(c), keepdim(c))),
            Map.entry("prod", c -> x -> c.params().has("dim") ? x[0].prod(c.intParam("dim", 0), keepdim(c)) : x[0].prod()),
            Map.entry("max", c -> x -> c.params().has("dim") ? x[0].max(c.intParam("dim", 0), keepdim(c)) : x[0].max()),
            Map.entry("min", c -> x -> c.params().has("dim") ? x[0].min(c.intParam("dim", 0), keepdim(c)) : x[0].min()),
            Map.entry("amax", c -> x -> x[0].amax(dims(c), keepdim(c))),
            Map.entry("amin", c -> x -> x[0].amin(dims(c), keepdim(c))),
            Map.entry("argmax", c -> x -> c.params().has("dim") ? x[0].argmax(c.intParam("dim", 0), keepdim(c)) : x[0].argmax()),
            Map.entry("argmin", c -> x -> c.params().has("dim") ? x[0].argmin(c.intParam("dim", 0), keepdim(c)) : x[0].argmin()),
            Map.entry("var", c -> x -> x[0].var(dims(c), c.boolParam("unbiased", true), keepdim(c))),
            Map.entry("std", c -> x -> x[0].std(dims(c), c.boolParam("unbiased", true), keepdim(c))),
            Map.entry("logsumexp", c -> x -> x[0].logsumexp(dims(c), keepdim(c))),
            Map.entry("softmax", c -> x -> x[0].softmax(c.intParam("dim", -1))),
            Map.entry("log_softmax", c -> x -> x[0].logSoftmax(c.intParam("dim", -1))),
            Map.entry("norm", c -> x -> x[0].norm(normP(c), dims(c), keepdim(c))),
            // linalg.json
            Map.entry("matmul", c -> x -> x[0].matmul(x[1])));

    private static final List<String> OWNED_ELSEWHERE = List.of("cumsum", "cumprod");

    static Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        for (String file : List.of("activations", "reductions", "linalg"))
            for (Case c : Fixtures.load(file))
                if (!OWNED_ELSEWHERE.contains(c.op())) all.add(c);
        return all.stream();
    }

    private static int[] dims(Case c) {
        if (!c.params().has("dim")) return null;
        JsonNode d = c.params().get("dim");
        if (!d.isArray()) return new int[] {d.asInt()};
        int[] r = new int[d.size()];
        for (int i = 0; i < r.length; i++) r[i] = d.get(i).asInt();
        return r;
    }

    private static boolean keepdim(Case c) {
        return c.boolParam("keepdim", false);
    }

    private static double normP(Case c) {
        return "fro".equals(c.stringParam("p", "fro")) ? 2 : c.doubleParam("p", 2);
    }

    private static TensorFn fn(Case c) {
        Function<Case, TensorFn> f = OPS.get(c.op());
        assertNotNull(f, "no Nabla mapping for PyTorch op " + c.op());
        return f.apply(c);
    }

    private static boolean isMaxMinWithDim(Case c) {
        return (c.op().equals("max") || c.op().equals("min")) && c.params().has("dim");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float64ValuesAndGradients(Case c) {
        if (isMaxMinWithDim(c)) {
            checkMaxMinWithIndices(c);
            return;
        }
        Fixtures.check(c, fn(c), RTOL, ATOL);
    }

    /**
     * The float32 kernels against the reference. Rounding the inputs to float32 can itself move the
     * result (10000.58 has an ulp of 1e-3; 0.500000001 becomes exactly the softplus threshold), so the
     * reference is Nabla's float64 result on the rounded inputs, and the fixture too whenever that
     * float64 result still matches it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float32Values(Case c) {
        TensorFn f = fn(c);
        Tensor[] in32 = c.inputs().stream().map(t -> t.dtype() == DType.FLOAT64 ? t.toFloat() : t).toArray(Tensor[]::new);
        Tensor[] in64 = Stream.of(in32).map(t -> t.dtype() == DType.FLOAT32 ? t.toDouble() : t).toArray(Tensor[]::new);
        Tensor y = f.apply(in32);
        Tensor ref = f.apply(in64);
        Tensor expected = c.output();
        if (expected.dtype().isFloatingPoint()) assertEquals(DType.FLOAT32, y.dtype(), c.name() + ": float32 in, float32 out");
        else assertEquals(expected.dtype(), y.dtype(), c.name() + ": dtype");
        Fixtures.assertClose(ref, y, RTOL_F32, ATOL_F32, c.name() + " float32 vs float64 on the same inputs");
        if (close(expected, ref)) Fixtures.assertClose(expected, y, RTOL_F32, ATOL_F32, c.name() + " float32 output");
        if (isMaxMinWithDim(c)) assertIndices(c, in32[0]);
    }

    private static boolean close(Tensor expected, Tensor actual) {
        try {
            Fixtures.assertClose(expected, actual, RTOL_F32, ATOL_F32, "");
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /** Values always; PyTorch's indices via argmax/argmin; gradients where no slice has a tie. */
    private static void checkMaxMinWithIndices(Case c) {
        if (!hasTiesAlongDim(c)) {
            Fixtures.check(c, fn(c), RTOL, ATOL);
        } else {
            Case valuesOnly = new Case(c.name(), c.op(), c.params(), c.inputs(), c.outputs(), null, List.of());
            Fixtures.check(valuesOnly, fn(c), RTOL, ATOL);
        }
        assertIndices(c, c.input(0));
    }

    private static void assertIndices(Case c, Tensor x) {
        int dim = c.intParam("dim", 0);
        boolean keep = keepdim(c);
        Tensor idx = c.op().equals("max") ? x.argmax(dim, keep) : x.argmin(dim, keep);
        Tensor expected = c.outputs().get(1);
        assertEquals(DType.INT64, idx.dtype(), c.name() + ": indices dtype");
        assertArrayEquals(expected.shape(), idx.shape(), c.name() + ": indices shape");
        assertArrayEquals(expected.toLongArray(), idx.toLongArray(), c.name() + ": indices");
    }

    private static boolean hasTiesAlongDim(Case c) {
        Tensor x = c.input(0);
        int dim = c.intParam("dim", 0);
        Tensor ext = c.op().equals("max") ? x.max(dim, true) : x.min(dim, true);
        return x.eq(ext).to(DType.INT64).sum(dim, false).gt(1).any().item() != 0;
    }
}
