package dev.nabla;

import dev.nabla.ops.BinaryFn;
import dev.nabla.ops.Conversions;
import dev.nabla.ops.IndexOps;
import dev.nabla.ops.LinalgOps;
import dev.nabla.ops.ReduceOps;
import dev.nabla.ops.UnaryFn;
import dev.nabla.ops.ViewOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An n-dimensional array with autograd. Names follow PyTorch: {@code add}, {@code matmul},
 * {@code sum(dim, keepDim)}, {@code view}, {@code permute}, {@code backward}, {@code grad}.
 *
 * <p>A tensor is a view (shape, strides, offset) of a {@link Storage}. Views share storage;
 * {@link #contiguous()} copies only when needed. Inside {@link Nabla#vmap} a tensor may be a
 * batch tracer: it then shows its per-example (logical) shape and holds the batched value inside.
 */
public final class Tensor {
    private final DType dtype;
    private final int[] shape;
    private final int[] strides;
    private final int offset;
    private final Storage storage;

    // vmap: a tracer at batchLevel > 0 holds its batched value with the batch at dim 0.
    private final Tensor batchValue;
    private final int batchLevel;

    // autograd
    boolean requiresGrad;
    Tensor grad;
    Node gradFn;
    boolean retainsGrad;
    List<UnaryOperator<Tensor>> hooks;

    private Tensor(DType dtype, int[] shape, int[] strides, int offset, Storage storage, Tensor batchValue, int batchLevel) {
        this.dtype = dtype;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.storage = storage;
        this.batchValue = batchValue;
        this.batchLevel = batchLevel;
    }

    // ------------------------------------------------------------------ construction (for kernels)

    /** A view of storage; strides and offset are in elements. Kernels and loaders use it. */
    public static Tensor view(Storage storage, int[] shape, int[] strides, int offset) {
        if (shape.length != strides.length)
            throw new IllegalArgumentException("view: shape " + Shapes.str(shape) + " and strides " + Shapes.str(strides) + " differ in rank");
        return new Tensor(storage.dtype(), shape, strides, offset, storage, null, 0);
    }

    /** A contiguous tensor over the whole storage. */
    public static Tensor of(Storage storage, int... shape) {
        int n = Shapes.numel(shape);
        if (n != storage.length())
            throw new IllegalArgumentException("tensor: shape " + Shapes.str(shape) + " needs " + n + " elements, storage has " + storage.length());
        return new Tensor(storage.dtype(), shape.clone(), Shapes.contiguousStrides(shape), 0, storage, null, 0);
    }

    /** A fresh, zero-filled contiguous tensor. */
    public static Tensor empty(DType dtype, int... shape) {
        return new Tensor(dtype, shape.clone(), Shapes.contiguousStrides(shape), 0, Storage.allocate(dtype, Shapes.numel(shape)), null, 0);
    }

    static Tensor tracer(int level, Tensor batched) {
        int[] logical = Arrays.copyOfRange(batched.shape, 1, batched.shape.length);
        return new Tensor(batched.dtype, logical, Shapes.contiguousStrides(logical), 0, null, batched, level);
    }

    // ------------------------------------------------------------------ metadata

    public DType dtype() { return dtype; }

    /** The shape (a copy). Inside vmap: the per-example shape. */
    public int[] shape() { return shape.clone(); }

    public int size(int dim) { return shape[Shapes.dim("size", dim, shape.length)]; }

    public int dim() { return shape.length; }

    public int numel() { return Shapes.numel(shape); }

    /** Strides in elements (a copy). */
    public int[] stride() { requireDense("stride"); return strides.clone(); }

    public int offset() { requireDense("offset"); return offset; }

    public Storage storage() { requireDense("storage"); return storage; }

    Storage storageOrNull() { return storage; }

    public boolean isContiguous() {
        if (storage == null) return false;
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != acc) return false;
            acc *= shape[i];
        }
        return true;
    }

    /** True inside vmap when this tensor carries a batch of values. */
    public boolean isBatched() { return batchLevel > 0; }

    int batchLevel() { return batchLevel; }

    Tensor batchValue() { return batchValue; }

    private void requireDense(String what) {
        if (batchLevel > 0)
            throw new UnsupportedOperationException(what + ": cannot read the values of a batched tensor inside vmap; "
                    + "return it from the vmapped function instead");
    }

    // ------------------------------------------------------------------ values

    /** The single value of a one-element tensor. */
    public double item() {
        requireDense("item");
        if (numel() != 1) throw new IllegalStateException("item: tensor of shape " + Shapes.str(shape) + " has " + numel() + " elements, expected 1");
        return storage.getDouble(offset);
    }

    public float[] toFloatArray() { return Conversions.contiguousAs(this, DType.FLOAT32).storage.floats(); }
    public double[] toDoubleArray() { return Conversions.contiguousAs(this, DType.FLOAT64).storage.doubles(); }
    public int[] toIntArray() { return Conversions.contiguousAs(this, DType.INT32).storage.ints(); }
    public long[] toLongArray() { return Conversions.contiguousAs(this, DType.INT64).storage.longs(); }
    public boolean[] toBooleanArray() { return Conversions.contiguousAs(this, DType.BOOL).storage.bools(); }

    /** Element at a multi-index, as a double (slow; for tests and printing). */
    public double get(int... index) {
        requireDense("get");
        if (index.length != shape.length)
            throw new IllegalArgumentException("get: index " + Arrays.toString(index) + " has rank " + index.length + ", tensor has rank " + shape.length);
        int pos = offset;
        for (int i = 0; i < index.length; i++) {
            int ix = index[i] < 0 ? index[i] + shape[i] : index[i];
            if (ix < 0 || ix >= shape[i])
                throw new IndexOutOfBoundsException("get: index " + index[i] + " out of range for dim " + i + " of size " + shape[i]);
            pos += ix * strides[i];
        }
        return storage.getDouble(pos);
    }

    public boolean allclose(Tensor other, double rtol, double atol) { return Conversions.allclose(this, other, rtol, atol); }

    public boolean allclose(Tensor other) { return allclose(other, 1e-5, 1e-8); }

    /** Same shape and exactly equal values (NaN never equals NaN). */
    public boolean equal(Tensor other) { return Conversions.equal(this, other); }

    @Override
    public String toString() { return TensorFormat.format(this); }

    // ------------------------------------------------------------------ dtype and copies

    public Tensor to(DType target) { return target == dtype ? this : Dispatch.call(Conversions.cast(target), this); }

    public Tensor toFloat() { return to(DType.FLOAT32); }

    public Tensor toDouble() { return to(DType.FLOAT64); }

    public Tensor toLong() { return to(DType.INT64); }

    /** This tensor if contiguous, else a contiguous copy (differentiable). */
    public Tensor contiguous() { return isContiguous() && batchLevel == 0 ? this : Dispatch.call(ViewOps.COPY, this); }

    /** A copy that owns its storage (differentiable). */
    public Tensor clone() { return Dispatch.call(ViewOps.COPY, this); }

    // ------------------------------------------------------------------ views

    public Tensor reshape(int... newShape) { return Dispatch.call(ViewOps.reshape(ViewOps.inferShape("reshape", newShape, numel())), this); }

    /** Like reshape, but fails rather than copy when the strides do not allow a view. */
    public Tensor view(int... newShape) {
        int[] s = ViewOps.inferShape("view", newShape, numel());
        if (batchLevel == 0 && ViewOps.viewStrides(shape, strides, s) == null)
            throw new IllegalStateException("view: shape " + Shapes.str(shape) + " with strides " + Shapes.str(strides)
                    + " cannot be viewed as " + Shapes.str(s) + " without a copy; use reshape()");
        return Dispatch.call(ViewOps.reshape(s), this);
    }

    public Tensor permute(int... dims) { return Dispatch.call(ViewOps.permute("permute", dims, shape.length), this); }

    public Tensor transpose(int dim0, int dim1) {
        int r = shape.length;
        int[] p = new int[r];
        for (int i = 0; i < r; i++) p[i] = i;
        int a = Shapes.dim("transpose", dim0, r), b = Shapes.dim("transpose", dim1, r);
        if (r == 0) return this;
        p[a] = b;
        p[b] = a;
        return permute(p);
    }

    /** Transpose of a matrix (rank <= 2). */
    public Tensor t() {
        if (shape.length > 2) throw new IllegalArgumentException("t: expects a tensor of rank <= 2, got shape " + Shapes.str(shape));
        return shape.length < 2 ? this : transpose(0, 1);
    }

    /** The matrix transpose of the last two dims (PyTorch's .mT). */
    public Tensor mT() { return transpose(-2, -1); }

    public Tensor movedim(int source, int destination) {
        int r = shape.length;
        int s = Shapes.dim("movedim", source, r), d = Shapes.dim("movedim", destination, r);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < r; i++) if (i != s) order.add(i);
        order.add(d, s);
        return permute(order.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Elements start, start+step, ... below end along dim (negative start/end count from the end). */
    public Tensor slice(int dim, int start, int end, int step) { return Dispatch.call(ViewOps.slice(shape, dim, start, end, step), this); }

    public Tensor slice(int dim, int start, int end) { return slice(dim, start, end, 1); }

    public Tensor narrow(int dim, int start, int length) {
        int d = Shapes.dim("narrow", dim, shape.length);
        int s = start < 0 ? start + shape[d] : start;
        if (length < 0 || s < 0 || s + length > shape[d])
            throw new IndexOutOfBoundsException("narrow: start " + start + " length " + length + " exceeds dim " + dim + " of size " + shape[d]);
        return slice(d, s, s + length, 1);
    }

    /** The sub-tensor at index along dim, with that dim removed. */
    public Tensor select(int dim, int index) {
        int d = Shapes.dim("select", dim, shape.length);
        int i = index < 0 ? index + shape[d] : index;
        if (i < 0 || i >= shape[d]) throw new IndexOutOfBoundsException("select: index " + index + " out of range for dim " + dim + " of size " + shape[d]);
        return slice(d, i, i + 1, 1).squeeze(d);
    }

    public Tensor expand(int... sizes) { return Dispatch.call(ViewOps.expand(shape, sizes), this); }

    public Tensor expandAs(Tensor other) { return expand(other.shape); }

    public Tensor unsqueeze(int dim) {
        int d = Shapes.dim("unsqueeze", dim, shape.length + 1);
        return reshape(Shapes.insert(shape, d, 1));
    }

    /** Removes every size-1 dim. */
    public Tensor squeeze() {
        return reshape(Arrays.stream(shape).filter(s -> s != 1).toArray());
    }

    /** Removes dim if it has size 1 (otherwise returns this tensor unchanged, as PyTorch does). */
    public Tensor squeeze(int dim) {
        if (shape.length == 0) return this;
        int d = Shapes.dim("squeeze", dim, shape.length);
        return shape[d] == 1 ? reshape(Shapes.remove(shape, d)) : this;
    }

    public Tensor flatten() { return reshape(-1); }

    public Tensor flatten(int startDim, int endDim) {
        if (shape.length == 0) return reshape(1);
        int s = Shapes.dim("flatten", startDim, shape.length), e = Shapes.dim("flatten", endDim, shape.length);
        if (s > e) throw new IllegalArgumentException("flatten: startDim " + startDim + " comes after endDim " + endDim);
        int[] ns = new int[shape.length - (e - s)];
        int k = 0;
        for (int i = 0; i < s; i++) ns[k++] = shape[i];
        int m = 1;
        for (int i = s; i <= e; i++) m *= shape[i];
        ns[k++] = m;
        for (int i = e + 1; i < shape.length; i++) ns[k++] = shape[i];
        return reshape(ns);
    }

    /** Splits dim into the given sizes (one may be -1). */
    public Tensor unflatten(int dim, int... sizes) {
        int d = Shapes.dim("unflatten", dim, shape.length);
        int[] inner = ViewOps.inferShape("unflatten", sizes, shape[d]);
        int[] ns = new int[shape.length - 1 + inner.length];
        System.arraycopy(shape, 0, ns, 0, d);
        System.arraycopy(inner, 0, ns, d, inner.length);
        System.arraycopy(shape, d + 1, ns, d + inner.length, shape.length - d - 1);
        return reshape(ns);
    }

    // ------------------------------------------------------------------ elementwise: unary

    private Tensor unary(UnaryFn fn) { return Dispatch.call(fn.op(), this); }
    private Tensor unary(UnaryFn fn, double a, double b) { return Dispatch.call(fn.op(a, b), this); }

    public Tensor neg() { return unary(UnaryFn.NEG); }
    public Tensor abs() { return unary(UnaryFn.ABS); }
    public Tensor sign() { return unary(UnaryFn.SIGN); }
    public Tensor exp() { return unary(UnaryFn.EXP); }
    public Tensor log() { return unary(UnaryFn.LOG); }
    public Tensor log1p() { return unary(UnaryFn.LOG1P); }
    public Tensor expm1() { return unary(UnaryFn.EXPM1); }
    public Tensor sqrt() { return unary(UnaryFn.SQRT); }
    public Tensor rsqrt() { return unary(UnaryFn.RSQRT); }
    public Tensor reciprocal() { return unary(UnaryFn.RECIPROCAL); }
    public Tensor square() { return unary(UnaryFn.SQUARE); }
    public Tensor sin() { return unary(UnaryFn.SIN); }
    public Tensor cos() { return unary(UnaryFn.COS); }
    public Tensor tanh() { return unary(UnaryFn.TANH); }
    public Tensor sigmoid() { return unary(UnaryFn.SIGMOID); }
    public Tensor erf() { return unary(UnaryFn.ERF); }
    public Tensor relu() { return unary(UnaryFn.RELU); }
    public Tensor leakyRelu(double negativeSlope) { return unary(UnaryFn.LEAKY_RELU, negativeSlope, 0); }
    public Tensor leakyRelu() { return leakyRelu(0.01); }
    public Tensor elu(double alpha) { return unary(UnaryFn.ELU, alpha, 0); }
    public Tensor elu() { return elu(1.0); }
    /** GELU with the exact erf form. */
    public Tensor gelu() { return unary(UnaryFn.GELU); }
    /** GELU; approximate is "none" (erf form) or "tanh". */
    public Tensor gelu(String approximate) {
        return switch (approximate) {
            case "none" -> gelu();
            case "tanh" -> unary(UnaryFn.GELU_TANH);
            default -> throw new IllegalArgumentException("gelu: approximate must be \"none\" or \"tanh\", got \"" + approximate + "\"");
        };
    }
    public Tensor silu() { return unary(UnaryFn.SILU); }
    public Tensor softplus() { return softplus(1, 20); }
    public Tensor softplus(double beta, double threshold) { return unary(UnaryFn.SOFTPLUS, beta, threshold); }
    public Tensor floor() { return unary(UnaryFn.FLOOR); }
    public Tensor ceil() { return unary(UnaryFn.CEIL); }
    /** Rounds half to even, like PyTorch and NumPy. */
    public Tensor round() { return unary(UnaryFn.ROUND); }
    public Tensor clamp(double min, double max) {
        if (min > max) throw new IllegalArgumentException("clamp: min " + min + " is greater than max " + max);
        return unary(UnaryFn.CLAMP, min, max);
    }
    public Tensor clampMin(double min) { return unary(UnaryFn.CLAMP, min, Double.POSITIVE_INFINITY); }
    public Tensor clampMax(double max) { return unary(UnaryFn.CLAMP, Double.NEGATIVE_INFINITY, max); }
    public Tensor pow(double exponent) { return unary(UnaryFn.POW_SCALAR, exponent, 0); }
    public Tensor logicalNot() { return unary(UnaryFn.LOGICAL_NOT); }
    public Tensor isnan() { return unary(UnaryFn.ISNAN); }

    // ------------------------------------------------------------------ elementwise: binary

    private Tensor binary(BinaryFn fn, Tensor other) { return Dispatch.call(fn.op(), this, other); }
    private Tensor binary(BinaryFn fn, double other) { return Dispatch.call(fn.op(), this, Nabla.scalarLike(other, this)); }

    public Tensor add(Tensor other) { return binary(BinaryFn.ADD, other); }
    public Tensor add(double other) { return binary(BinaryFn.ADD, other); }
    /** this + alpha * other. */
    public Tensor add(Tensor other, double alpha) { return add(alpha == 1 ? other : other.mul(alpha)); }
    public Tensor sub(Tensor other) { return binary(BinaryFn.SUB, other); }
    public Tensor sub(double other) { return binary(BinaryFn.SUB, other); }
    /** other - this. */
    public Tensor rsub(double other) { return Dispatch.call(BinaryFn.SUB.op(), Nabla.scalarLike(other, this), this); }
    public Tensor mul(Tensor other) { return binary(BinaryFn.MUL, other); }
    public Tensor mul(double other) { return binary(BinaryFn.MUL, other); }
    public Tensor div(Tensor other) { return binary(BinaryFn.DIV, other); }
    public Tensor div(double other) { return binary(BinaryFn.DIV, other); }
    public Tensor pow(Tensor exponent) { return binary(BinaryFn.POW, exponent); }
    public Tensor maximum(Tensor other) { return binary(BinaryFn.MAXIMUM, other); }
    public Tensor minimum(Tensor other) { return binary(BinaryFn.MINIMUM, other); }
    public Tensor atan2(Tensor other) { return binary(BinaryFn.ATAN2, other); }

    public Tensor eq(Tensor other) { return binary(BinaryFn.EQ, other); }
    public Tensor eq(double other) { return binary(BinaryFn.EQ, other); }
    public Tensor ne(Tensor other) { return binary(BinaryFn.NE, other); }
    public Tensor ne(double other) { return binary(BinaryFn.NE, other); }
    public Tensor lt(Tensor other) { return binary(BinaryFn.LT, other); }
    public Tensor lt(double other) { return binary(BinaryFn.LT, other); }
    public Tensor le(Tensor other) { return binary(BinaryFn.LE, other); }
    public Tensor le(double other) { return binary(BinaryFn.LE, other); }
    public Tensor gt(Tensor other) { return binary(BinaryFn.GT, other); }
    public Tensor gt(double other) { return binary(BinaryFn.GT, other); }
    public Tensor ge(Tensor other) { return binary(BinaryFn.GE, other); }
    public Tensor ge(double other) { return binary(BinaryFn.GE, other); }
    public Tensor logicalAnd(Tensor other) { return binary(BinaryFn.LOGICAL_AND, other); }
    public Tensor logicalOr(Tensor other) { return binary(BinaryFn.LOGICAL_OR, other); }
    public Tensor logicalXor(Tensor other) { return binary(BinaryFn.LOGICAL_XOR, other); }

    /** Elementwise choice: this where condition is true, other elsewhere. */
    public Tensor where(Tensor condition, Tensor other) { return Nabla.where(condition, this, other); }

    // ------------------------------------------------------------------ reductions

    public Tensor sum() { return ReduceOps.sum(this, null, false); }
    public Tensor sum(int dim) { return ReduceOps.sum(this, new int[] {dim}, false); }
    public Tensor sum(int dim, boolean keepDim) { return ReduceOps.sum(this, new int[] {dim}, keepDim); }
    public Tensor sum(int[] dims, boolean keepDim) { return ReduceOps.sum(this, dims, keepDim); }
    public Tensor mean() { return ReduceOps.mean(this, null, false); }
    public Tensor mean(int dim) { return ReduceOps.mean(this, new int[] {dim}, false); }
    public Tensor mean(int dim, boolean keepDim) { return ReduceOps.mean(this, new int[] {dim}, keepDim); }
    public Tensor mean(int[] dims, boolean keepDim) { return ReduceOps.mean(this, dims, keepDim); }
    public Tensor prod() { return ReduceOps.prod(this, null, false); }
    public Tensor prod(int dim, boolean keepDim) { return ReduceOps.prod(this, new int[] {dim}, keepDim); }
    /** The largest element. */
    public Tensor max() { return ReduceOps.amax(this, null, false); }
    /** Largest values along dim (use {@link #argmax(int, boolean)} for their indices). */
    public Tensor max(int dim, boolean keepDim) { return ReduceOps.amax(this, new int[] {dim}, keepDim); }
    public Tensor amax(int[] dims, boolean keepDim) { return ReduceOps.amax(this, dims, keepDim); }
    public Tensor min() { return ReduceOps.amin(this, null, false); }
    public Tensor min(int dim, boolean keepDim) { return ReduceOps.amin(this, new int[] {dim}, keepDim); }
    public Tensor amin(int[] dims, boolean keepDim) { return ReduceOps.amin(this, dims, keepDim); }
    /** Index of the first largest element of the flattened tensor (int64). */
    public Tensor argmax() { return ReduceOps.argmax(this, null, false); }
    public Tensor argmax(int dim, boolean keepDim) { return ReduceOps.argmax(this, dim, keepDim); }
    public Tensor argmin() { return ReduceOps.argmin(this, null, false); }
    public Tensor argmin(int dim, boolean keepDim) { return ReduceOps.argmin(this, dim, keepDim); }
    public Tensor var() { return ReduceOps.var(this, null, true, false); }
    public Tensor var(int[] dims, boolean unbiased, boolean keepDim) { return ReduceOps.var(this, dims, unbiased, keepDim); }
    public Tensor var(int dim, boolean unbiased, boolean keepDim) { return ReduceOps.var(this, new int[] {dim}, unbiased, keepDim); }
    public Tensor std() { return var().sqrt(); }
    public Tensor std(int[] dims, boolean unbiased, boolean keepDim) { return var(dims, unbiased, keepDim).sqrt(); }
    public Tensor std(int dim, boolean unbiased, boolean keepDim) { return var(dim, unbiased, keepDim).sqrt(); }
    public Tensor logsumexp(int dim, boolean keepDim) { return ReduceOps.logsumexp(this, new int[] {dim}, keepDim); }
    public Tensor logsumexp(int[] dims, boolean keepDim) { return ReduceOps.logsumexp(this, dims, keepDim); }
    /** The p-norm over all elements (p = 2 is the Frobenius norm; p may be infinite). */
    public Tensor norm(double p) { return ReduceOps.norm(this, p, null, false); }
    public Tensor norm() { return norm(2); }
    public Tensor norm(double p, int[] dims, boolean keepDim) { return ReduceOps.norm(this, p, dims, keepDim); }
    public Tensor all() { return ReduceOps.all(this, null, false); }
    public Tensor all(int dim, boolean keepDim) { return ReduceOps.all(this, new int[] {dim}, keepDim); }
    public Tensor any() { return ReduceOps.any(this, null, false); }
    public Tensor any(int dim, boolean keepDim) { return ReduceOps.any(this, new int[] {dim}, keepDim); }
    public Tensor softmax(int dim) { return ReduceOps.softmax(this, dim); }
    public Tensor logSoftmax(int dim) { return ReduceOps.logSoftmax(this, dim); }

    // ------------------------------------------------------------------ linear algebra

    /** Matrix product with NumPy semantics: 1-D operands, batching and broadcast batch dims. */
    public Tensor matmul(Tensor other) { return LinalgOps.matmul(this, other); }
    public Tensor mm(Tensor other) { return LinalgOps.mm(this, other); }
    public Tensor bmm(Tensor other) { return LinalgOps.bmm(this, other); }
    public Tensor dot(Tensor other) { return LinalgOps.dot(this, other); }
    public Tensor outer(Tensor other) { return LinalgOps.outer(this, other); }

    // ------------------------------------------------------------------ shape and index ops

    public Tensor[] split(int splitSize, int dim) { return IndexOps.split(this, splitSize, dim); }
    public Tensor[] split(int[] sizes, int dim) { return IndexOps.split(this, sizes, dim); }
    public Tensor[] chunk(int chunks, int dim) { return IndexOps.chunk(this, chunks, dim); }
    public Tensor flip(int... dims) { return IndexOps.flip(this, dims); }
    public Tensor repeat(int... repeats) { return IndexOps.repeat(this, repeats); }
    public Tensor tile(int... reps) { return IndexOps.tile(this, reps); }
    public Tensor gather(int dim, Tensor index) { return IndexOps.gather(this, dim, index); }
    public Tensor scatter(int dim, Tensor index, Tensor src) { return IndexOps.scatter(this, dim, index, src); }
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) { return IndexOps.scatterAdd(this, dim, index, src); }
    public Tensor indexSelect(int dim, Tensor index) { return IndexOps.indexSelect(this, dim, index); }
    public Tensor indexAdd(int dim, Tensor index, Tensor source) { return IndexOps.indexAdd(this, dim, index, source); }
    public Tensor maskedFill(Tensor mask, double value) { return IndexOps.maskedFill(this, mask, value); }
    public Tensor maskedSelect(Tensor mask) { return IndexOps.maskedSelect(this, mask); }
    public Tensor cumsum(int dim) { return IndexOps.cumsum(this, dim); }
    public Tensor cumprod(int dim) { return IndexOps.cumprod(this, dim); }
    /** Sorted values and their original indices along dim (stable: ties keep their order). */
    public Nabla.ValuesIndices sort(int dim, boolean descending) { return IndexOps.sort(this, dim, descending); }
    public Tensor argsort(int dim, boolean descending) { return IndexOps.argsort(this, dim, descending); }
    public Nabla.ValuesIndices topk(int k, int dim, boolean largest, boolean sorted) { return IndexOps.topk(this, k, dim, largest, sorted); }
    public Tensor tril(int diagonal) { return IndexOps.tril(this, diagonal); }
    public Tensor tril() { return tril(0); }
    public Tensor triu(int diagonal) { return IndexOps.triu(this, diagonal); }
    public Tensor triu() { return triu(0); }

    // ------------------------------------------------------------------ autograd

    public boolean requiresGrad() { return requiresGrad; }

    /** Marks a leaf tensor as needing gradients; returns this tensor. */
    public Tensor requiresGrad(boolean flag) {
        if (gradFn != null && !flag)
            throw new IllegalStateException("requiresGrad: cannot turn off gradients of a non-leaf tensor (made by " + gradFn.name() + "); use detach()");
        if (flag && !dtype.isFloatingPoint())
            throw new IllegalArgumentException("requiresGrad: only floating-point tensors can require gradients, this one is " + dtype);
        requiresGrad = flag;
        return this;
    }

    /** The accumulated gradient, or null before any backward reached this tensor. */
    public Tensor grad() { return grad; }

    /** Replaces the gradient (optimizers and tests); null clears it. */
    public void setGrad(Tensor g) {
        if (g != null && !Arrays.equals(g.shape, shape))
            throw new IllegalArgumentException("setGrad: gradient shape " + Shapes.str(g.shape) + " does not match tensor shape " + Shapes.str(shape));
        grad = g;
    }

    public void zeroGrad() { grad = null; }

    /** The op that produced this tensor on the tape, or null for a leaf. */
    public Node gradFn() { return gradFn; }

    public boolean isLeaf() { return gradFn == null; }

    /** Keeps the gradient of this non-leaf tensor in {@link #grad()} after backward. */
    public Tensor retainGrad() { retainsGrad = true; return this; }

    /** Calls hook with the gradient of this tensor during backward; a non-null return replaces it. */
    public Tensor registerHook(UnaryOperator<Tensor> hook) {
        if (!requiresGrad) throw new IllegalStateException("registerHook: tensor does not require grad");
        if (hooks == null) hooks = new ArrayList<>();
        hooks.add(hook);
        return this;
    }

    /** The same values, cut from the tape. Shares storage. */
    public Tensor detach() {
        if (batchLevel > 0) return tracer(batchLevel, batchValue.detach());
        return new Tensor(dtype, shape, strides, offset, storage, null, 0);
    }

    /** Backpropagates from this scalar. */
    public void backward() { backward(null, false, false); }

    public void backward(Tensor gradient) { backward(gradient, false, false); }

    public void backward(Tensor gradient, boolean retainGraph, boolean createGraph) {
        Autograd.backward(this, gradient, retainGraph, createGraph);
    }

    // ------------------------------------------------------------------ in-place (optimizers, initialisers)

    /** Copies src (broadcast) into this tensor's elements. */
    public Tensor copy_(Tensor src) { return InPlace.write("copy_", this, src); }
    public Tensor fill_(double value) { return InPlace.write("fill_", this, Nabla.scalarLike(value, this)); }
    public Tensor zero_() { return fill_(0); }
    public Tensor add_(Tensor other) { return InPlace.write("add_", this, add(other)); }
    public Tensor add_(Tensor other, double alpha) { return InPlace.write("add_", this, add(other, alpha)); }
    public Tensor add_(double other) { return InPlace.write("add_", this, add(other)); }
    public Tensor sub_(Tensor other) { return InPlace.write("sub_", this, sub(other)); }
    public Tensor mul_(Tensor other) { return InPlace.write("mul_", this, mul(other)); }
    public Tensor mul_(double other) { return InPlace.write("mul_", this, mul(other)); }
    public Tensor div_(Tensor other) { return InPlace.write("div_", this, div(other)); }
    public Tensor div_(double other) { return InPlace.write("div_", this, div(other)); }
    public Tensor clamp_(double min, double max) { return InPlace.write("clamp_", this, clamp(min, max)); }
}
