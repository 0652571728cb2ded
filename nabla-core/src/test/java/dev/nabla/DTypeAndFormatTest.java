package dev.nabla;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** dtype promotion as in PyTorch, exact integer arithmetic, PyTorch-style printing, and error messages. */
class DTypeAndFormatTest {
    private static final Tensor I64 = tensor(new long[] {1, 2, 3});
    private static final Tensor I32 = tensor(new int[] {4, 5, 6});
    private static final Tensor F32 = tensor(new float[] {0.5f, 1.5f, 2.5f});
    private static final Tensor F64 = tensor(new double[] {0.5, 1.5, 2.5});
    private static final Tensor B = tensor(new boolean[] {true, false, true});

    // ------------------------------------------------------------------ promotion

    static Stream<Arguments> promotions() {
        return Stream.of(
                // torch.result_type for two tensors
                Arguments.of("int64 + float32", (Supplier<Tensor>) () -> I64.add(F32), DType.FLOAT32),
                Arguments.of("int32 + float32", (Supplier<Tensor>) () -> I32.add(F32), DType.FLOAT32),
                Arguments.of("int64 + float64", (Supplier<Tensor>) () -> I64.add(F64), DType.FLOAT64),
                Arguments.of("float32 * float64", (Supplier<Tensor>) () -> F32.mul(F64), DType.FLOAT64),
                Arguments.of("int32 + int64", (Supplier<Tensor>) () -> I32.add(I64), DType.INT64),
                Arguments.of("int32 * int32", (Supplier<Tensor>) () -> I32.mul(I32), DType.INT32),
                Arguments.of("bool + int32", (Supplier<Tensor>) () -> B.add(I32), DType.INT32),
                Arguments.of("bool * float32", (Supplier<Tensor>) () -> B.mul(F32), DType.FLOAT32),
                Arguments.of("int64 / int64", (Supplier<Tensor>) () -> I64.div(I64), DType.FLOAT32),
                Arguments.of("int32 / int32", (Supplier<Tensor>) () -> I32.div(I32), DType.FLOAT32),
                Arguments.of("int64 / float64", (Supplier<Tensor>) () -> I64.div(F64), DType.FLOAT64),
                Arguments.of("int64 ** int64", (Supplier<Tensor>) () -> I64.pow(I64), DType.INT64),
                // Java scalars do not promote within a category, as Python scalars in PyTorch
                Arguments.of("int32 * 2", (Supplier<Tensor>) () -> I32.mul(2), DType.INT32),
                Arguments.of("int32 * 2.5", (Supplier<Tensor>) () -> I32.mul(2.5), DType.FLOAT32),
                Arguments.of("int64 / 2", (Supplier<Tensor>) () -> I64.div(2), DType.FLOAT32),
                Arguments.of("float32 + 1e-3", (Supplier<Tensor>) () -> F32.add(1e-3), DType.FLOAT32),
                // comparisons and logical ops
                Arguments.of("int64 > float32", (Supplier<Tensor>) () -> I64.gt(F32), DType.BOOL),
                Arguments.of("float64 == float64", (Supplier<Tensor>) () -> F64.eq(F64), DType.BOOL),
                Arguments.of("int32 <= 5", (Supplier<Tensor>) () -> I32.le(5), DType.BOOL),
                Arguments.of("bool & bool", (Supplier<Tensor>) () -> B.logicalAnd(B), DType.BOOL),
                Arguments.of("isnan", (Supplier<Tensor>) F32::isnan, DType.BOOL),
                // unary: float functions of ints give float32, the others keep the dtype
                Arguments.of("exp(int64)", (Supplier<Tensor>) I64::exp, DType.FLOAT32),
                Arguments.of("sqrt(int32)", (Supplier<Tensor>) I32::sqrt, DType.FLOAT32),
                Arguments.of("sigmoid(float64)", (Supplier<Tensor>) F64::sigmoid, DType.FLOAT64),
                Arguments.of("neg(int64)", (Supplier<Tensor>) I64::neg, DType.INT64),
                Arguments.of("abs(int32)", (Supplier<Tensor>) I32::abs, DType.INT32),
                // reductions
                Arguments.of("sum(int64)", (Supplier<Tensor>) I64::sum, DType.INT64),
                Arguments.of("sum(int32)", (Supplier<Tensor>) I32::sum, DType.INT64),
                Arguments.of("sum(bool)", (Supplier<Tensor>) B::sum, DType.INT64),
                Arguments.of("prod(int32)", (Supplier<Tensor>) I32::prod, DType.INT64),
                Arguments.of("max(int32)", (Supplier<Tensor>) I32::max, DType.INT32),
                Arguments.of("sum(float32)", (Supplier<Tensor>) F32::sum, DType.FLOAT32),
                Arguments.of("mean(float64)", (Supplier<Tensor>) F64::mean, DType.FLOAT64),
                Arguments.of("argmax(float32)", (Supplier<Tensor>) F32::argmax, DType.INT64),
                Arguments.of("argmin(int32, dim)", (Supplier<Tensor>) () -> I32.argmin(0, false), DType.INT64),
                Arguments.of("all(int64)", (Supplier<Tensor>) I64::all, DType.BOOL),
                Arguments.of("softmax(int64)", (Supplier<Tensor>) () -> I64.softmax(0), DType.FLOAT32),
                Arguments.of("matmul(int64, int64)", (Supplier<Tensor>) () -> I64.matmul(I64), DType.INT64),
                Arguments.of("matmul(int64, float32)", (Supplier<Tensor>) () -> I64.matmul(F32), DType.FLOAT32));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("promotions")
    void resultDtypes(String what, Supplier<Tensor> op, DType expected) {
        assertEquals(expected, op.get().dtype(), what);
    }

    @Test
    void integerValues() {
        assertArrayEquals(new double[] {0.25, 0.5, 0.75}, tensor(new long[] {1, 2, 3}).div(tensor(new long[] {4})).toDoubleArray(), 0);
        assertArrayEquals(new long[] {2, 4, 6}, I64.add(I64).toLongArray());
        assertArrayEquals(new long[] {1, 4, 27}, I64.pow(I64).toLongArray());
        assertEquals(6, I64.sum().item());
        assertEquals(120, I32.prod().item());
        assertEquals(2, B.sum().item());
        assertArrayEquals(new boolean[] {true, false, false}, I64.gt(F32.mul(2).sub(0.5)).toBooleanArray());
        assertArrayEquals(new long[] {1}, tensor(new float[] {1, 5, 5, 2}).argmax().reshape(1).toLongArray(), "first index of ties");
    }

    /** int64 beyond 2^53 must not be routed through double (PyTorch is exact). */
    @Test
    void int64StaysExactBeyondDoublePrecision() {
        long big = (1L << 53) + 1;
        Tensor x = tensor(new long[] {big, 1, big - 1});
        assertEquals(2 * big, x.sum().toLongArray()[0]);
        assertEquals(big, x.max().toLongArray()[0]);
        assertEquals(big - 1, tensor(new long[] {big, big - 1}).min().toLongArray()[0]);
        assertEquals(0, tensor(new long[] {big, big - 1}).argmax().toLongArray()[0]);
        assertEquals(1, tensor(new long[] {big, big - 1}).argmin().toLongArray()[0]);
        assertEquals(big * 3, tensor(new long[] {big, 3}).prod().toLongArray()[0]);
        assertArrayEquals(new boolean[] {false, false, true}, x.eq(tensor(new long[] {big - 1})).toBooleanArray());
        assertArrayEquals(new boolean[] {true, false, false}, x.gt(tensor(new long[] {big - 1})).toBooleanArray());
        assertArrayEquals(new long[] {big + 1, 2, big}, x.add(tensor(new long[] {1})).toLongArray());
    }

    // ------------------------------------------------------------------ printing (strings from PyTorch 1.13; dtype suffix in Nabla's form)

    static Stream<Arguments> printed() {
        return Stream.of(
                Arguments.of(tensor(new float[] {1f, 2.5f}), "tensor([1.0000, 2.5000])"),
                Arguments.of(tensor(new float[][] {{1, 2}, {3, 4}}), "tensor([[1., 2.],\n        [3., 4.]])"),
                Arguments.of(tensor(new long[] {1, 2, 3}), "tensor([1, 2, 3])"),
                Arguments.of(tensor(new boolean[] {true, false}), "tensor([ True, False])"),
                Arguments.of(tensor(new boolean[][] {{true, false}, {false, true}}), "tensor([[ True, False],\n        [False,  True]])"),
                Arguments.of(tensor(new double[] {1.5, 2.25}), "tensor([1.5000, 2.2500], dtype=float64)"),
                Arguments.of(tensor(new int[] {1, 2, 3}), "tensor([1, 2, 3], dtype=int32)"),
                Arguments.of(tensor(new float[] {10, 2}), "tensor([10.,  2.])"),
                Arguments.of(tensor(new float[] {1.5f, -2.25f}), "tensor([ 1.5000, -2.2500])"),
                Arguments.of(tensor(new long[] {-1, 20, 3}), "tensor([-1, 20,  3])"),
                Arguments.of(tensor(new float[] {1e-5f, 1f}), "tensor([1.0000e-05, 1.0000e+00])"),
                Arguments.of(tensor(new float[] {1f, 2000f}), "tensor([1.0000e+00, 2.0000e+03])"),
                Arguments.of(tensor(new float[] {1e9f, 1f}), "tensor([1.0000e+09, 1.0000e+00])"),
                Arguments.of(tensor(new float[] {0.00012f, 0.5f}), "tensor([1.2000e-04, 5.0000e-01])"),
                Arguments.of(Nabla.scalar(1.5), "tensor(1.5000)"),
                Arguments.of(tensor(new float[] {0, 0}), "tensor([0., 0.])"),
                Arguments.of(tensor(new float[] {Float.NaN, 1, Float.POSITIVE_INFINITY}), "tensor([nan, 1., inf])"),
                Arguments.of(tensor(new float[] {Float.NaN, 1.5f, Float.NEGATIVE_INFINITY}), "tensor([   nan, 1.5000,   -inf])"),
                Arguments.of(tensor(new float[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}}),
                        "tensor([[[1., 2.],\n         [3., 4.]],\n\n        [[5., 6.],\n         [7., 8.]]])"),
                Arguments.of(tensor(new float[] {1, 2}).requiresGrad(true), "tensor([1., 2.], requires_grad=True)"),
                Arguments.of(tensor(new float[] {-0f, 1.5f}), "tensor([-0.0000, 1.5000])"),
                Arguments.of(Nabla.zeros(0, 3), "tensor([], size=(0, 3))"),
                Arguments.of(Nabla.arange(0.0, 25.0, 1.0).div(4),
                        "tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000, 1.2500, 1.5000, 1.7500, 2.0000,\n"
                        + "        2.2500, 2.5000, 2.7500, 3.0000, 3.2500, 3.5000, 3.7500, 4.0000, 4.2500,\n"
                        + "        4.5000, 4.7500, 5.0000, 5.2500, 5.5000, 5.7500, 6.0000])"),
                Arguments.of(Nabla.arange(0.0, 2000.0, 1.0),
                        "tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,\n        1.9990e+03])"),
                Arguments.of(Nabla.arange(3000).reshape(1000, 3),
                        "tensor([[   0,    1,    2],\n        [   3,    4,    5],\n        [   6,    7,    8],\n        ...,\n"
                        + "        [2991, 2992, 2993],\n        [2994, 2995, 2996],\n        [2997, 2998, 2999]])"),
                Arguments.of(Nabla.arange(0.0, 16.0, 1.0).reshape(2, 2, 2, 2),
                        "tensor([[[[ 0.,  1.],\n          [ 2.,  3.]],\n\n         [[ 4.,  5.],\n          [ 6.,  7.]]],\n\n\n"
                        + "        [[[ 8.,  9.],\n          [10., 11.]],\n\n         [[12., 13.],\n          [14., 15.]]]])"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("printed")
    void printsLikePyTorch(Tensor t, String expected) {
        assertEquals(expected, t.toString());
    }

    @Test
    void printingDoesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("tensor([1.0000, 2.5000])", tensor(new float[] {1f, 2.5f}).toString());
            assertEquals("tensor([1.0000e-05, 1.0000e+00])", tensor(new float[] {1e-5f, 1f}).toString());
        } finally {
            Locale.setDefault(saved);
        }
    }

    // ------------------------------------------------------------------ error messages

    @Test
    void broadcastFailureNamesOpAndShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Nabla.ones(3, 4).add(Nabla.ones(5)));
        assertEquals("add: shapes [3, 4] and [5] cannot be broadcast (dimension 1: 4 vs 5)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Nabla.ones(2, 3).mul(Nabla.ones(3, 2)));
        assertTrue(e.getMessage().startsWith("mul: shapes [2, 3] and [3, 2] cannot be broadcast"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Nabla.ones(2, 3, 4).matmul(Nabla.ones(3, 4, 5)));
        assertTrue(e.getMessage().startsWith("matmul: shapes [2] and [3] cannot be broadcast"), e.getMessage());
    }

    @Test
    void matmulMismatchNamesTheShapesAsGiven() {
        var e = assertThrows(IllegalArgumentException.class, () -> Nabla.ones(3, 4).matmul(Nabla.ones(5, 6)));
        assertEquals("matmul: shapes [3, 4] and [5, 6] do not align (4 != 5)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Nabla.ones(3, 4).matmul(Nabla.ones(5)));
        assertEquals("matmul: shapes [3, 4] and [5] do not align (4 != 5)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Nabla.ones(4).matmul(Nabla.ones(2, 5, 6)));
        assertEquals("matmul: shapes [4] and [2, 5, 6] do not align (4 != 5)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Nabla.ones(3, 4).mm(Nabla.ones(5, 6)));
        assertTrue(e.getMessage().contains("[3, 4] and [5, 6]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Nabla.ones(4).dot(Nabla.ones(5)));
        assertEquals("dot: expects two vectors of equal length, got shapes [4] and [5]", e.getMessage());
    }

    @Test
    void reductionAndDimErrors() {
        var e = assertThrows(IndexOutOfBoundsException.class, () -> Nabla.ones(2, 3).sum(2));
        assertEquals("sum: dim 2 is out of range for a tensor of rank 2 (expected -2..1)", e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> I64.mean());
        assertTrue(e2.getMessage().startsWith("mean: needs a floating-point tensor, got int64"), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> Nabla.zeros(0, 3).max(0, false));
        assertTrue(e3.getMessage().contains("cannot reduce an empty dimension"), e3.getMessage());
    }

    /** PyTorch: d/da a^b is 0 where b == 0, also at a == 0 (not 0 * 0^-1 = NaN). */
    @Test
    void powGradientAtZeroBaseAndZeroExponent() {
        Tensor a = tensor(new double[] {0, 0, 2}).requiresGrad(true);
        Tensor b = tensor(new double[] {0, 1, 0}).requiresGrad(true);
        a.pow(b).sum().backward();
        assertArrayEquals(new double[] {0, 1, 0}, a.grad().toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {0, 0, Math.log(2)}, b.grad().toDoubleArray(), 1e-12);
    }
}
