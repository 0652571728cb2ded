package dev.nabla;

import static dev.nabla.Nabla.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.nabla.testing.Fixtures;
import dev.nabla.testing.Fixtures.Case;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IndexOpsTest {
    private static final double RTOL = 1e-9, ATOL = 1e-12;

    private static Tensor r(long seed, int... shape) {
        return randn(new Generator(seed), shape).toDouble();
    }

    private static Tensor longs(long... v) {
        return tensor(v);
    }

    private static void close(Tensor expected, Tensor actual) {
        Fixtures.assertClose(expected, actual, 1e-12, 1e-12, "value");
    }

    // ------------------------------------------------------------------ PyTorch fixtures

    static Stream<Case> shapeIndexCases() {
        return Stream.concat(Fixtures.load("shape_index").stream(), Fixtures.load("reductions", "cumsum", "cumprod").stream());
    }

    /** The PyTorch call of a fixture case, in Nabla. */
    private static Tensor apply(Case c, Tensor[] in) {
        int dim = c.intParam("dim", 0);
        return switch (c.op()) {
            case "pad" -> Functional.pad(in[0], c.intsParam("pad", 0, 0), c.stringParam("mode", "constant"), c.doubleParam("value", 0));
            case "flip" -> in[0].flip(c.intsParam("dims", 0, 0));
            case "repeat" -> in[0].repeat(c.intsParam("sizes", 0, 0));
            case "gather" -> in[0].gather(dim, in[1]);
            case "scatter" -> in[0].scatter(dim, in[1], c.params().has("value") ? scalar(c.doubleParam("value", 0), DType.FLOAT64) : in[2]);
            case "scatter_add" -> in[0].scatterAdd(dim, in[1], in[2]);
            case "index_select" -> in[0].indexSelect(dim, in[1]);
            case "index_add" -> in[0].indexAdd(dim, in[1], in[2].mul(c.doubleParam("alpha", 1)));
            case "masked_fill" -> in[0].maskedFill(in[1], c.doubleParam("value", 0));
            case "embedding" -> Functional.embedding(in[0], in[1], c.intParam("padding_idx", -1));
            case "tril" -> in[0].tril(c.intParam("diagonal", 0));
            case "triu" -> in[0].triu(c.intParam("diagonal", 0));
            case "cumsum" -> in[0].cumsum(dim);
            case "cumprod" -> in[0].cumprod(dim);
            default -> throw new IllegalArgumentException("no Nabla call for fixture op " + c.op());
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapeIndexCases")
    void matchesPyTorch(Case c) {
        Fixtures.check(c, in -> apply(c, in), RTOL, ATOL);
    }

    static List<Case> sortCases() {
        return Fixtures.load("sort");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sortCases")
    void sortMatchesPyTorch(Case c) {
        int dim = c.intParam("dim", -1);
        boolean desc = c.boolParam("descending", false);
        switch (c.op()) {
            case "argsort" -> Fixtures.check(c, in -> in[0].argsort(dim, desc), 0, 0);
            case "sort" -> {
                Fixtures.check(c, in -> in[0].sort(dim, desc).values(), RTOL, ATOL);
                Fixtures.assertClose(c.outputs().get(1), c.input(0).sort(dim, desc).indices(), 0, 0, c.name() + " indices");
            }
            case "topk" -> {
                int k = c.intParam("k", 1);
                boolean largest = c.boolParam("largest", true);
                Fixtures.check(c, in -> in[0].topk(k, dim, largest, true).values(), RTOL, ATOL);
                Nabla.ValuesIndices t = c.input(0).topk(k, dim, largest, true);
                Fixtures.assertClose(c.outputs().get(1), t.indices(), 0, 0, c.name() + " indices");
                assertEquals(DType.INT64, t.indices().dtype());
            }
            default -> fail("unexpected op " + c.op());
        }
    }

    // ------------------------------------------------------------------ gradcheck, also on non-contiguous views

    @Test
    void gradcheckViewsAndCopies() {
        Tensor x = r(1, 3, 4, 5);
        assertTrue(gradcheck(t -> t[0].transpose(0, 2).flip(0, 2), x));
        assertTrue(gradcheck(t -> t[0].slice(2, 0, 5, 2).repeat(2, 1, 1, 3), x));
        assertTrue(gradcheck(t -> t[0].transpose(1, 2).tile(2, 1), x));
        assertTrue(gradcheck(t -> t[0].transpose(1, 2).tril(1).add(t[0].select(0, 1).triu(-1).sum()), x));
    }

    @Test
    void gradcheckGatherScatterIndex() {
        Tensor x = r(2, 4, 5), src = r(3, 5, 4);
        Tensor idx = tensor(new long[] {0, 3, 1, 2, 4, 0, 2, 2, 1, 3, 0, 1}, 3, 4);
        Tensor unique = tensor(new long[] {3, 0, 1, 2, 2, 4, 0, 1, 1, 0, 4, 3}, 3, 4);
        assertTrue(gradcheck(t -> t[0].t().gather(0, idx.t()), x));
        assertTrue(gradcheck(t -> t[0].gather(1, idx.slice(0, 0, 3)), x));
        assertTrue(gradcheck(t -> t[0].scatterAdd(1, idx, t[1].t()), x, src));
        assertTrue(gradcheck(t -> t[0].scatter(1, unique, t[1].t()), x, src));
        assertTrue(gradcheck(t -> t[0].scatter(1, unique, t[1].sum()), x, src));
        Tensor rows = longs(2, 0, 2, 3);
        assertTrue(gradcheck(t -> t[0].t().indexSelect(1, rows), x));
        assertTrue(gradcheck(t -> t[0].t().indexAdd(1, rows, t[1].slice(1, 0, 4)), x, src));
        Tensor mask = x.t().gt(0.2);
        assertTrue(gradcheck(t -> t[0].t().maskedSelect(mask), x));
    }

    @Test
    void gradcheckScansAndSorts() {
        Tensor x = r(4, 3, 6);
        Tensor withZeros = tensor(new double[] {0.5, 0, 2, -1, 0, 3, 1.5, -0.7, 0, 0.9, 1.1, 2, 0, 0, 0.3, 2.5, -1.2, 0.8}, 3, 6);
        assertTrue(gradcheck(t -> t[0].t().cumsum(0), x));
        assertTrue(gradcheck(t -> t[0].t().cumprod(1).add(t[0].cumprod(1).sum()), x));
        assertTrue(gradcheck(t -> t[0].cumprod(1), withZeros));
        // second order: the cumprod backward is built from differentiable ops
        Tensor w = r(5, 3, 6);
        assertTrue(gradcheck(t -> grad(a -> a[0].cumprod(1).mul(w).sum(), 0).apply(t[0])[0], withZeros));
        assertTrue(gradcheck(t -> t[0].t().sort(0, true).values(), x));
        assertTrue(gradcheck(t -> t[0].topk(2, 1, false, true).values().exp(), x));
    }

    @Test
    void gradcheckPadEmbeddingDropout() {
        Tensor x = r(6, 2, 5, 4).transpose(1, 2);
        for (String mode : new String[] {"constant", "reflect", "replicate", "circular"})
            assertTrue(gradcheck(t -> Functional.pad(t[0], new int[] {2, 1, 3, 0}, mode, 0.25), x), mode);
        assertTrue(gradcheck(t -> Functional.pad(t[0], new int[] {-1, 2}, "constant", 1), x));
        Tensor ids = tensor(new long[] {1, 0, 3, 3, 2, 0}, 2, 3);
        assertTrue(gradcheck(t -> Functional.embedding(ids, t[0].t()), r(7, 4, 5)));
        assertTrue(gradcheck(t -> Functional.dropout(t[0].t(), 0.4, true, new Generator(9)), r(8, 5, 6)));
    }

    @Test
    void embeddingPaddingRowGetsNoGradient() {
        Tensor w = r(9, 4, 3).requiresGrad(true);
        Functional.embedding(tensor(new long[] {0, 2, 2, 1}), w, 2).sum().backward();
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0}, w.grad().toDoubleArray());
    }

    // ------------------------------------------------------------------ semantics the fixtures do not cover

    @Test
    void sortIsStableWithNaNAboveInfinityAndAcceptsInt32Indices() {
        Tensor x = tensor(new double[] {2, Double.NaN, 1, Double.POSITIVE_INFINITY, 1, -0.0, 0.0});
        assertArrayEquals(new long[] {5, 6, 2, 4, 0, 3, 1}, x.argsort(0, false).toLongArray());
        assertArrayEquals(new long[] {1, 3, 0, 2, 4, 5, 6}, x.argsort(0, true).toLongArray());
        Tensor y = r(10, 3, 4);
        close(y.gather(1, tensor(new long[] {3, 0, 1, 1, 2, 2}, 3, 2)), y.gather(1, tensor(new int[] {3, 0, 1, 1, 2, 2}, 3, 2)));
        assertEquals(DType.INT64, tensor(new int[] {3, 1, 2}).cumsum(0).dtype());
        assertArrayEquals(new long[] {1, 1, 2}, tensor(new boolean[] {true, false, true}).cumsum(0).toLongArray());
    }

    @Test
    void dropoutScalesSurvivorsAndIsReproducible() {
        Tensor x = ones(DType.FLOAT64, 10000);
        assertSame(x, Functional.dropout(x, 0.5, false));
        double[] y = Functional.dropout(x, 0.25, true, new Generator(3)).toDoubleArray();
        long zeros = java.util.Arrays.stream(y).filter(v -> v == 0).count();
        assertTrue(java.util.Arrays.stream(y).allMatch(v -> v == 0 || Math.abs(v - 4.0 / 3) < 1e-12));
        assertTrue(Math.abs(zeros - 2500) < 200, "zeroed " + zeros);
        assertArrayEquals(y, Functional.dropout(x, 0.25, true, new Generator(3)).toDoubleArray());
    }

    @Test
    void repeatTileAndZeroDimInputs() {
        Tensor x = tensor(new double[] {1, 2, 3, 4}, 2, 2);
        assertArrayEquals(new int[] {2, 6}, x.tile(3).shape());
        assertArrayEquals(new int[] {3, 2, 2}, x.tile(3, 1, 1).shape());
        assertArrayEquals(new double[] {1, 2, 1, 2, 3, 4, 3, 4}, x.repeat(1, 2).toDoubleArray());
        assertArrayEquals(new int[] {0, 2}, x.repeat(0, 1).shape());
        Tensor s = scalar(3, DType.FLOAT64);
        assertEquals(3, s.cumsum(0).item());
        assertEquals(0, s.argsort(0, false).item());
        assertEquals(3, s.gather(0, tensor(new long[] {0}).reshape()).item());
        assertEquals(3, s.topk(1, 0, true, true).values().item());
    }

    // ------------------------------------------------------------------ vmap against a loop

    private static void vmapMatchesLoop(TensorFn f, Tensor... batchedArgs) {
        int[] inDims = new int[batchedArgs.length];
        Tensor batched = vmap(f, inDims, 0).apply(batchedArgs);
        int n = batchedArgs[0].size(0);
        Tensor[] rows = new Tensor[n];
        for (int b = 0; b < n; b++) {
            Tensor[] args = new Tensor[batchedArgs.length];
            for (int i = 0; i < args.length; i++) args[i] = batchedArgs[i].select(0, b);
            rows[b] = f.apply(args);
        }
        close(stack(rows, 0), batched);
    }

    @Test
    void vmapOfIndexOpsMatchesALoop() {
        Tensor xs = r(11, 4, 3, 5);
        Tensor idx = randint(new Generator(12), 0, 5, 4, 3, 2);
        Tensor shared = tensor(new long[] {4, 0, 0, 2, 1, 3}, 3, 2);
        vmapMatchesLoop(t -> t[0].gather(1, t[1]), xs, idx);
        vmapMatchesLoop(t -> t[0].gather(1, shared).sum().add(t[0].scatterAdd(1, shared, t[0].slice(1, 0, 2))), xs);
        vmapMatchesLoop(t -> t[0].scatter(1, t[1], t[0].narrow(1, 0, 2)), xs, idx);
        vmapMatchesLoop(t -> t[0].sort(1, true).values().add(t[0].argsort(0, false).toDouble()), xs);
        vmapMatchesLoop(t -> t[0].topk(2, -1, true, true).values(), xs);
        vmapMatchesLoop(t -> t[0].cumsum(1).add(t[0].cumprod(0)).flip(0), xs);
        vmapMatchesLoop(t -> Functional.pad(t[0], new int[] {1, 2, 2, 1}, "reflect", 0).tril(), xs);
        vmapMatchesLoop(t -> Functional.pad(t[0], new int[] {1, 2}, "constant", -3).repeat(2, 1), xs);
        vmapMatchesLoop(t -> Functional.embedding(t[0], xs.select(0, 0), 1), randint(new Generator(13), 0, 3, 4, 6));
        vmapMatchesLoop(t -> t[0].indexSelect(1, longs(4, 4, 0)).maskedSelect(shared.lt(2).slice(1, 0, 1).t().expand(3, 3)), xs);
    }

    @Test
    void perExampleGradientsThroughGather() {
        Tensor w = r(14, 6, 3), ids = randint(new Generator(15), 0, 6, 5, 4);
        MultiTensorFn perExample = vmap(grad(a -> Functional.embedding(a[1], a[0]).sum(0).square().sum(), 0), new int[] {UNBATCHED, 0}, new int[] {0});
        Tensor g = perExample.apply(w, ids)[0];
        for (int b = 0; b < 5; b++) {
            Tensor single = grad(a -> Functional.embedding(a[1], a[0]).sum(0).square().sum(), 0).apply(w, ids.select(0, b))[0];
            close(single, g.select(0, b));
        }
    }

    // ------------------------------------------------------------------ errors

    private static String message(Class<? extends Throwable> type, org.junit.jupiter.api.function.Executable run) {
        return assertThrows(type, run).getMessage();
    }

    @Test
    void badInputsGiveClearErrors() {
        Tensor x = r(16, 3, 5);
        String m = message(IndexOutOfBoundsException.class, () -> x.gather(1, tensor(new long[] {0, 7, 1}, 3, 1)));
        assertTrue(m.contains("gather") && m.contains("index 7") && m.contains("dim 1") && m.contains("size 5"), m);
        m = message(IndexOutOfBoundsException.class, () -> x.scatter(0, tensor(new long[] {-1}, 1, 1), x));
        assertTrue(m.contains("scatter") && m.contains("index -1") && m.contains("dim 0"), m);
        m = message(IndexOutOfBoundsException.class, () -> x.indexSelect(0, longs(0, 3)));
        assertTrue(m.startsWith("indexSelect") && m.contains("index 3"), m);
        m = message(IndexOutOfBoundsException.class, () -> Functional.embedding(longs(6), x));
        assertTrue(m.startsWith("embedding") && m.contains("index 6"), m);
        m = message(IllegalArgumentException.class, () -> x.gather(1, tensor(new double[] {0}, 1, 1)));
        assertTrue(m.contains("int64") && m.contains("float64"), m);
        m = message(IllegalArgumentException.class, () -> x.gather(1, longs(0)));
        assertTrue(m.contains("same rank"), m);
        m = message(IllegalArgumentException.class, () -> x.gather(1, zeros(DType.INT64, 4, 1)));
        assertTrue(m.contains("larger than the input") && m.contains("dim 0"), m);
        m = message(IllegalArgumentException.class, () -> x.indexAdd(0, longs(0, 1), x));
        assertTrue(m.contains("indexAdd") && m.contains("[2, 5]"), m);
        m = message(IllegalArgumentException.class, () -> Functional.pad(x, new int[] {5, 0}, "reflect", 0));
        assertTrue(m.contains("reflect") && m.contains("[0, 4]"), m);
        m = message(IllegalArgumentException.class, () -> Functional.pad(x, new int[] {1, 0}, "wrap", 0));
        assertTrue(m.contains("mode"), m);
        m = message(IllegalArgumentException.class, () -> Functional.pad(x, new int[] {1, 1, 1}, "constant", 0));
        assertTrue(m.contains("even"), m);
        m = message(IllegalArgumentException.class, () -> x.topk(6, 1, true, true));
        assertTrue(m.contains("k = 6") && m.contains("size 5"), m);
        m = message(IllegalArgumentException.class, () -> Functional.dropout(x, 1.0, true));
        assertTrue(m.contains("[0, 1)"), m);
        m = message(IllegalArgumentException.class, () -> Functional.embedding(longs(0), x, 3));
        assertTrue(m.contains("paddingIdx 3"), m);
        m = message(IllegalArgumentException.class, () -> x.select(0, 0).tril());
        assertTrue(m.contains("at least 2 dims"), m);
        m = message(IllegalArgumentException.class, () -> x.repeat(2));
        assertTrue(m.contains("rank 2"), m);
        m = message(IllegalArgumentException.class, () -> x.maskedSelect(x.gt(0).toLong()));
        assertTrue(m.contains("bool"), m);
        m = message(IndexOutOfBoundsException.class, () -> x.cumsum(2));
        assertTrue(m.contains("cumsum") && m.contains("dim 2"), m);
    }
}
