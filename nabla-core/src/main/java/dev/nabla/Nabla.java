package dev.nabla;

import dev.nabla.ops.Creation;
import dev.nabla.ops.Einsum;
import dev.nabla.ops.IndexOps;
import java.util.function.UnaryOperator;

/**
 * The entry point: tensor creation, random seeds, gradient scopes and JAX-style function transforms.
 * {@code import static dev.nabla.Nabla.*;} gives code that reads like the user guide.
 */
public final class Nabla {
    private static final Generator GLOBAL = new Generator(0x5EED);

    /** Marks an input of {@link #vmap(TensorFn, int[], int)} as shared by every example (JAX's None). */
    public static final int UNBATCHED = Integer.MIN_VALUE;

    private Nabla() {}

    // ------------------------------------------------------------------ randomness

    /** Seeds the global generator; every random op without an explicit generator then repeats exactly. */
    public static void manualSeed(long seed) {
        GLOBAL.manualSeed(seed);
    }

    public static Generator defaultGenerator() {
        return GLOBAL;
    }

    // ------------------------------------------------------------------ gradient mode

    /** {@code try (var g = Nabla.noGrad()) { ... }}: ops inside are not recorded. */
    public static GradMode.Scope noGrad() {
        return GradMode.set(false);
    }

    /** Turns recording back on inside a noGrad scope. */
    public static GradMode.Scope enableGrad() {
        return GradMode.set(true);
    }

    public static boolean isGradEnabled() {
        return GradMode.isEnabled();
    }

    // ------------------------------------------------------------------ creation

    public static Tensor tensor(float[] data, int... shape) { return Creation.fromArray(Storage.of(data.clone()), data.length, shape); }
    public static Tensor tensor(double[] data, int... shape) { return Creation.fromArray(Storage.of(data.clone()), data.length, shape); }
    public static Tensor tensor(int[] data, int... shape) { return Creation.fromArray(Storage.of(data.clone()), data.length, shape); }
    public static Tensor tensor(long[] data, int... shape) { return Creation.fromArray(Storage.of(data.clone()), data.length, shape); }
    public static Tensor tensor(boolean[] data, int... shape) { return Creation.fromArray(Storage.of(data.clone()), data.length, shape); }

    /** From nested Java arrays, e.g. {@code tensor(new float[][] {{1, 2}, {3, 4}})}; the element type picks the dtype. */
    public static Tensor tensor(Object nested) { return Creation.fromNested(nested); }

    /** A 0-dim float32 tensor. */
    public static Tensor scalar(double value) { return scalar(value, DType.FLOAT32); }

    public static Tensor scalar(double value, DType dtype) { return full(value, dtype); }

    /** A 0-dim tensor for combining a Java number with t: t's dtype unless that would lose the fraction. */
    public static Tensor scalarLike(double value, Tensor t) {
        DType d = t.dtype();
        if (!d.isFloatingPoint() && value != Math.rint(value)) d = DType.FLOAT32;
        else if (d == DType.BOOL && value != 0 && value != 1) d = DType.INT64;
        return full(value, d);
    }

    public static Tensor zeros(int... shape) { return Tensor.empty(DType.FLOAT32, shape); }
    public static Tensor zeros(DType dtype, int... shape) { return Tensor.empty(dtype, shape); }
    public static Tensor ones(int... shape) { return full(1, DType.FLOAT32, shape); }
    public static Tensor ones(DType dtype, int... shape) { return full(1, dtype, shape); }
    public static Tensor full(double value, int... shape) { return full(value, DType.FLOAT32, shape); }
    public static Tensor full(double value, DType dtype, int... shape) { return Creation.full(value, dtype, shape); }
    public static Tensor zerosLike(Tensor t) { return zeros(t.dtype(), t.shape()); }
    public static Tensor onesLike(Tensor t) { return ones(t.dtype(), t.shape()); }
    public static Tensor fullLike(Tensor t, double value) { return full(value, t.dtype(), t.shape()); }

    /** 0, 1, ..., end-1 as int64. */
    public static Tensor arange(int end) { return arange(0, end, 1); }
    public static Tensor arange(int start, int end, int step) { return Creation.arange(start, end, step); }
    /** start, start+step, ... below end as float32. */
    public static Tensor arange(double start, double end, double step) { return Creation.arange(start, end, step); }
    public static Tensor linspace(double start, double end, int steps) { return Creation.linspace(start, end, steps); }
    public static Tensor eye(int n) { return eye(n, n); }
    public static Tensor eye(int n, int m) { return Creation.eye(n, m); }

    /** Uniform on [0, 1). */
    public static Tensor rand(int... shape) { return rand(GLOBAL, shape); }
    public static Tensor rand(Generator g, int... shape) { return Creation.rand(g, shape); }
    /** Standard normal. */
    public static Tensor randn(int... shape) { return randn(GLOBAL, shape); }
    public static Tensor randn(Generator g, int... shape) { return Creation.randn(g, shape); }
    /** Integers in [low, high) as int64. */
    public static Tensor randint(int low, int high, int... shape) { return randint(GLOBAL, low, high, shape); }
    public static Tensor randint(Generator g, int low, int high, int... shape) { return Creation.randint(g, low, high, shape); }
    /** 1 with probability p (elementwise), else 0, in p's dtype. */
    public static Tensor bernoulli(Tensor p) { return bernoulli(GLOBAL, p); }
    public static Tensor bernoulli(Generator g, Tensor p) { return Creation.bernoulli(g, p); }
    /** A random permutation of 0..n-1 (int64). */
    public static Tensor randperm(int n) { return randperm(GLOBAL, n); }
    public static Tensor randperm(Generator g, int n) { return Creation.randperm(g, n); }

    // ------------------------------------------------------------------ combining tensors

    public static Tensor cat(Tensor[] tensors, int dim) { return IndexOps.cat(tensors, dim); }
    public static Tensor stack(Tensor[] tensors, int dim) { return IndexOps.stack(tensors, dim); }
    /** x where condition is true, y elsewhere (broadcasting all three). */
    public static Tensor where(Tensor condition, Tensor x, Tensor y) { return IndexOps.where(condition, x, y); }
    /** Einstein summation, e.g. {@code einsum("bhqd,bhkd->bhqk", q, k)}. */
    public static Tensor einsum(String equation, Tensor... operands) { return Einsum.einsum(equation, operands); }

    /** Values and indices of sort, topk and friends. */
    public record ValuesIndices(Tensor values, Tensor indices) {}

    // ------------------------------------------------------------------ function transforms (JAX)

    /** The gradient of a scalar function of one tensor. */
    public static UnaryOperator<Tensor> grad(UnaryOperator<Tensor> f) {
        MultiTensorFn g = grad(args -> f.apply(args[0]), 0);
        return x -> g.apply(x)[0];
    }

    /** Gradients of a scalar function with respect to the arguments argnums (all when none given). */
    public static MultiTensorFn grad(TensorFn f, int... argnums) {
        return args -> valueAndGrad(f, argnums).apply(args).grads();
    }

    public record ValueAndGrad(Tensor value, Tensor[] grads) {}

    /** A function returning both f's value and its gradients. */
    public static java.util.function.Function<Tensor[], ValueAndGrad> valueAndGrad(TensorFn f, int... argnums) {
        return args -> Transforms.valueAndGrad(f, argnums, args);
    }

    public record Vjp(Tensor output, MultiTensorFn pullback) {}

    /** f's output and its pullback: cotangent of the output to cotangents of every input. */
    public static Vjp vjp(TensorFn f, Tensor... primals) {
        return Transforms.vjp(f, primals);
    }

    public record Jvp(Tensor output, Tensor tangent) {}

    /** f's output and its directional derivative along tangents (forward mode by double vjp). */
    public static Jvp jvp(TensorFn f, Tensor[] primals, Tensor[] tangents) {
        return Transforms.jvp(f, primals, tangents);
    }

    /** Maps f over dim 0 of its argument. */
    public static UnaryOperator<Tensor> vmap(UnaryOperator<Tensor> f) {
        TensorFn v = vmap(args -> f.apply(args[0]), new int[] {0}, 0);
        return x -> v.apply(x);
    }

    /** Maps f over the given dims of its arguments ({@link #UNBATCHED} for shared ones); the batch lands at outDim. */
    public static TensorFn vmap(TensorFn f, int[] inDims, int outDim) {
        MultiTensorFn m = Transforms.vmap(args -> new Tensor[] {f.apply(args)}, inDims, new int[] {outDim});
        return args -> m.apply(args)[0];
    }

    /** vmap for functions with several outputs, e.g. {@code vmap(grad(loss), ...)} for per-example gradients. */
    public static MultiTensorFn vmap(MultiTensorFn f, int[] inDims, int[] outDims) {
        return Transforms.vmap(f, inDims, outDims);
    }

    /** Numerical check of f's gradients against central differences in float64. */
    public static boolean gradcheck(TensorFn f, Tensor... inputs) {
        return GradCheck.check(f, inputs, 1e-6, 1e-5, 1e-4);
    }
}
