package dev.nabla.ops;

import dev.nabla.DType;
import dev.nabla.Dispatch;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Shapes;
import dev.nabla.Tensor;
import java.util.Arrays;

/** Shape and index ops: concatenation, splitting, gathering, scattering, sorting. */
public final class IndexOps {
    private IndexOps() {}

    public static Tensor cat(Tensor[] tensors, int dim) {
        if (tensors.length == 0) throw new IllegalArgumentException("cat: expects at least one tensor");
        int d = Shapes.dim("cat", dim, tensors[0].dim());
        CatOp.outShape(tensors, d);
        return tensors.length == 1 ? tensors[0] : Dispatch.call(new CatOp(d), tensors);
    }

    public static Tensor stack(Tensor[] tensors, int dim) {
        if (tensors.length == 0) throw new IllegalArgumentException("stack: expects at least one tensor");
        int d = Shapes.dim("stack", dim, tensors[0].dim() + 1);
        Tensor[] u = new Tensor[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            if (!Arrays.equals(tensors[i].shape(), tensors[0].shape()))
                throw new IllegalArgumentException("stack: tensor " + i + " has shape " + Shapes.str(tensors[i].shape())
                        + ", tensor 0 has " + Shapes.str(tensors[0].shape()) + "; all must be equal");
            u[i] = tensors[i].unsqueeze(d);
        }
        return u.length == 1 ? u[0] : Dispatch.call(new CatOp(d), u);
    }

    public static Tensor where(Tensor condition, Tensor x, Tensor y) {
        return Dispatch.call(WhereOp.INSTANCE, condition, x, y);
    }

    public static Tensor[] split(Tensor x, int splitSize, int dim) {
        int d = Shapes.dim("split", dim, x.dim());
        if (splitSize <= 0) throw new IllegalArgumentException("split: split size must be positive, got " + splitSize);
        int n = x.size(d);
        int parts = Math.max(1, (n + splitSize - 1) / splitSize);
        Tensor[] r = new Tensor[parts];
        for (int i = 0; i < parts; i++) r[i] = x.narrow(d, i * splitSize, Math.min(splitSize, n - i * splitSize));
        return r;
    }

    public static Tensor[] split(Tensor x, int[] sizes, int dim) {
        int d = Shapes.dim("split", dim, x.dim());
        int total = 0;
        for (int s : sizes) total += s;
        if (total != x.size(d))
            throw new IllegalArgumentException("split: sizes " + Arrays.toString(sizes) + " sum to " + total + ", but dim " + dim + " has size " + x.size(d));
        Tensor[] r = new Tensor[sizes.length];
        for (int i = 0, at = 0; i < sizes.length; at += sizes[i], i++) r[i] = x.narrow(d, at, sizes[i]);
        return r;
    }

    public static Tensor[] chunk(Tensor x, int chunks, int dim) {
        if (chunks <= 0) throw new IllegalArgumentException("chunk: number of chunks must be positive, got " + chunks);
        int n = x.size(dim);
        return split(x, Math.max(1, (n + chunks - 1) / chunks), dim);
    }

    public static Tensor flip(Tensor x, int[] dims) {
        if (dims.length == 0) return x; // PyTorch: flipping no dims is the identity
        return Dispatch.call(new FlipOp(Shapes.dimMask("flip", dims, x.dim())), x);
    }

    /** Tiles x repeats[i] times along dim i; x's shape is padded with leading 1s to the length of repeats. */
    public static Tensor repeat(Tensor x, int[] repeats) {
        if (repeats.length < x.dim())
            throw new IllegalArgumentException("repeat: got " + repeats.length + " repeats " + Arrays.toString(repeats)
                    + " for a tensor of rank " + x.dim() + "; need at least one per dim");
        int n = repeats.length;
        int[] s = new int[n];
        Arrays.fill(s, 1);
        System.arraycopy(x.shape(), 0, s, n - x.dim(), x.dim());
        // view as [1, s0, 1, s1, ...], broadcast the 1s to the repeat counts, then merge each pair
        int[] split = new int[2 * n], expanded = new int[2 * n], out = new int[n];
        for (int i = 0; i < n; i++) {
            if (repeats[i] < 0) throw new IllegalArgumentException("repeat: repeats must be non-negative, got " + Arrays.toString(repeats));
            split[2 * i] = 1;
            split[2 * i + 1] = s[i];
            expanded[2 * i] = repeats[i];
            expanded[2 * i + 1] = s[i];
            out[i] = repeats[i] * s[i];
        }
        return x.reshape(split).expand(expanded).reshape(out);
    }

    /** Like repeat, but fewer reps than dims are padded with leading 1s (NumPy's tile). */
    public static Tensor tile(Tensor x, int[] reps) {
        if (reps.length >= x.dim()) return repeat(x, reps);
        int[] r = new int[x.dim()];
        Arrays.fill(r, 1);
        System.arraycopy(reps, 0, r, x.dim() - reps.length, reps.length);
        return repeat(x, r);
    }

    public static Tensor gather(Tensor x, int dim, Tensor index) {
        int d = Shapes.dim("gather", dim, x.dim());
        IndexKernels.requireIndexType("gather", index);
        GatherOp.checkShapes("gather", x.shape(), index.shape(), d);
        if (x.dim() == 0) return gather(x.reshape(1), 0, index.reshape(1)).reshape();
        return Dispatch.call(new GatherOp(d), x, index);
    }

    /** x with src[p] written at the positions index names along dim; a 0-dim src is broadcast (PyTorch's value form). */
    public static Tensor scatter(Tensor x, int dim, Tensor index, Tensor src) {
        return scatter("scatter", x, dim, index, src, false);
    }

    public static Tensor scatterAdd(Tensor x, int dim, Tensor index, Tensor src) {
        return scatter("scatterAdd", x, dim, index, src, true);
    }

    private static Tensor scatter(String op, Tensor x, int dim, Tensor index, Tensor src, boolean accumulate) {
        int d = Shapes.dim(op, dim, x.dim());
        IndexKernels.requireIndexType(op, index);
        GatherOp.checkShapes(op, x.shape(), index.shape(), d);
        if (src.dim() == 0) src = src.to(x.dtype()).expand(index.shape());
        if (src.dtype() != x.dtype())
            throw new IllegalArgumentException(op + ": src has dtype " + src.dtype() + " but the input has " + x.dtype() + "; they must match");
        if (src.dim() != index.dim())
            throw new IllegalArgumentException(op + ": src " + Shapes.str(src.shape()) + " must have the same rank as index " + Shapes.str(index.shape()));
        for (int i = 0; i < index.dim(); i++)
            if (index.size(i) > src.size(i))
                throw new IllegalArgumentException(op + ": index " + Shapes.str(index.shape()) + " is larger than src " + Shapes.str(src.shape()) + " in dim " + i);
        if (x.dim() == 0) return scatter(op, x.reshape(1), 0, index.reshape(1), src.reshape(1), accumulate).reshape();
        return Dispatch.call(new ScatterOp(d, accumulate), x, index, src);
    }

    /** The slices of x along dim named by a 1-D index (repeats allowed). */
    public static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        return select("indexSelect", x, dim, index);
    }

    private static Tensor select(String op, Tensor x, int dim, Tensor index) {
        if (x.dim() == 0) throw new IllegalArgumentException(op + ": needs a tensor with at least 1 dim, got a 0-dim tensor");
        int d = Shapes.dim(op, dim, x.dim());
        Tensor idx = vectorIndex(op, index, d, x.size(d));
        int[] shape = x.shape();
        shape[d] = idx.numel();
        return x.gather(d, alongDim(idx, shape, d));
    }

    /** x with source's slices added at the positions along dim named by a 1-D index (repeats accumulate). */
    public static Tensor indexAdd(Tensor x, int dim, Tensor index, Tensor source) {
        if (x.dim() == 0) throw new IllegalArgumentException("indexAdd: needs a tensor with at least 1 dim, got a 0-dim tensor");
        int d = Shapes.dim("indexAdd", dim, x.dim());
        Tensor idx = vectorIndex("indexAdd", index, d, x.size(d));
        int[] expected = x.shape();
        expected[d] = idx.numel();
        if (!Arrays.equals(source.shape(), expected))
            throw new IllegalArgumentException("indexAdd: source has shape " + Shapes.str(source.shape()) + ", expected " + Shapes.str(expected)
                    + " (the input " + Shapes.str(x.shape()) + " with dim " + dim + " the length of index)");
        return scatter("indexAdd", x, d, alongDim(idx, expected, d), source, true);
    }

    /** Checks a 0-/1-D index (and its values when it is not a vmap tracer) and returns it flattened. */
    private static Tensor vectorIndex(String op, Tensor index, int dim, int size) {
        IndexKernels.requireIndexType(op, index);
        if (index.dim() > 1) throw new IllegalArgumentException(op + ": index must be 1-D, got shape " + Shapes.str(index.shape()));
        checkBounds(op, index, dim, size);
        return index.reshape(-1);
    }

    /** Bounds check up front, so the error names the op the caller used rather than the gather inside it. */
    private static void checkBounds(String op, Tensor index, int dim, int size) {
        if (index.isBatched()) return; // the kernel still checks every value
        for (long k : index.toLongArray())
            if (k < 0 || k >= size)
                throw new IndexOutOfBoundsException(op + ": index " + k + " is out of bounds for dim " + dim + " of size " + size);
    }

    /** A 1-D index laid along dim d and broadcast over the other dims of shape. */
    private static Tensor alongDim(Tensor idx, int[] shape, int d) {
        int[] s = new int[shape.length];
        Arrays.fill(s, 1);
        s[d] = idx.numel();
        return idx.reshape(s).expand(shape);
    }

    public static Tensor maskedFill(Tensor x, Tensor mask, double value) {
        return Nabla.where(mask, Nabla.scalarLike(value, x), x);
    }

    /** The elements of x where the (broadcast) bool mask is true, as a 1-D tensor in row-major order. */
    public static Tensor maskedSelect(Tensor x, Tensor mask) {
        if (mask.dtype() != DType.BOOL) throw new IllegalArgumentException("maskedSelect: mask must be bool, got " + mask.dtype());
        if (mask.isBatched())
            throw new UnsupportedOperationException("maskedSelect: the output length depends on the mask's values, so the mask cannot be batched under vmap");
        int[] shape = Shapes.broadcast("maskedSelect", x.shape(), mask.shape());
        boolean[] m = mask.expand(shape).toBooleanArray();
        long[] positions = new long[m.length];
        int n = 0;
        for (int i = 0; i < m.length; i++) if (m[i]) positions[n++] = i;
        return x.expand(shape).reshape(-1).gather(0, Nabla.tensor(Arrays.copyOf(positions, n)));
    }

    public static Tensor cumsum(Tensor x, int dim) {
        return scan("cumsum", x, dim, false);
    }

    public static Tensor cumprod(Tensor x, int dim) {
        return scan("cumprod", x, dim, true);
    }

    private static Tensor scan(String op, Tensor x, int dim, boolean product) {
        int d = Shapes.dim(op, dim, x.dim());
        if (x.dim() == 0) return scan(op, x.reshape(1), 0, product).reshape();
        return Dispatch.call(new CumOp(d, product), x);
    }

    public static Nabla.ValuesIndices sort(Tensor x, int dim, boolean descending) {
        Tensor idx = argsort(x, dim, descending);
        return new Nabla.ValuesIndices(x.gather(dim, idx), idx);
    }

    /** Indices that sort x along dim; stable, NaN above +inf. */
    public static Tensor argsort(Tensor x, int dim, boolean descending) {
        int d = Shapes.dim("argsort", dim, x.dim());
        if (x.dim() == 0) return argsort(x.reshape(1), 0, descending).reshape();
        return Dispatch.call(new ArgsortOp(d, descending), x);
    }

    /** The k largest (or smallest) along dim, always in sorted order; ties keep their original order. */
    public static Nabla.ValuesIndices topk(Tensor x, int k, int dim, boolean largest, boolean sorted) {
        int d = Shapes.dim("topk", dim, x.dim());
        int n = x.dim() == 0 ? 1 : x.size(d);
        if (k < 0 || k > n) throw new IllegalArgumentException("topk: k = " + k + " is out of range for dim " + dim + " of size " + n);
        if (x.dim() == 0) {
            Nabla.ValuesIndices r = topk(x.reshape(1), k, 0, largest, sorted);
            return k == 1 ? new Nabla.ValuesIndices(r.values().reshape(), r.indices().reshape()) : r;
        }
        Tensor idx = argsort(x, d, largest).narrow(d, 0, k);
        return new Nabla.ValuesIndices(x.gather(d, idx), idx);
    }

    public static Tensor tril(Tensor x, int diagonal) {
        return triangle("tril", x, diagonal, true);
    }

    public static Tensor triu(Tensor x, int diagonal) {
        return triangle("triu", x, diagonal, false);
    }

    /** Keeps the elements of the last two dims on one side of a diagonal; where (not mul) so inf/NaN outside give 0. */
    private static Tensor triangle(String op, Tensor x, int diagonal, boolean lower) {
        if (x.dim() < 2) throw new IllegalArgumentException(op + ": expects a tensor with at least 2 dims, got shape " + Shapes.str(x.shape()));
        int rows = x.size(-2), cols = x.size(-1);
        boolean[] keep = new boolean[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) keep[i * cols + j] = lower ? (long) j - i <= diagonal : (long) j - i >= diagonal;
        return Nabla.where(Nabla.tensor(keep, rows, cols), x, Nabla.scalarLike(0, x));
    }

    public static Tensor pad(Tensor x, int[] pad, String mode, double value) {
        return Padding.pad(x, pad, mode, value);
    }

    /** Rows of weight [num, dim] picked by indices of any shape; output indices.shape + [dim]. */
    public static Tensor embedding(Tensor indices, Tensor weight, int paddingIdx) {
        if (weight.dim() != 2) throw new IllegalArgumentException("embedding: weight must be 2-D [num_embeddings, dim], got shape " + Shapes.str(weight.shape()));
        int num = weight.size(0);
        if (paddingIdx < -1 || paddingIdx >= num)
            throw new IllegalArgumentException("embedding: paddingIdx " + paddingIdx + " must be -1 (none) or a row in [0, " + num + ")");
        Tensor rows = select("embedding", weight, 0, indices.reshape(-1));
        Tensor out = rows.reshape(Shapes.concat(indices.shape(), new int[] {weight.size(1)}));
        if (paddingIdx < 0) return out;
        // same values, but the padding row's lookups are cut from the tape, so that row gets no gradient
        return Nabla.where(indices.eq(paddingIdx).unsqueeze(-1), out.detach(), out);
    }

    /**
     * Zeroes each element with probability p and scales the survivors by 1/(1-p); the identity when not
     * training. Under vmap the mask is drawn for the per-example shape, so all examples share it.
     */
    public static Tensor dropout(Tensor x, double p, boolean training, Generator g) {
        if (!(p >= 0 && p < 1)) throw new IllegalArgumentException("dropout: probability p must be in [0, 1), got " + p);
        if (!training || p == 0) return x;
        if (!x.dtype().isFloatingPoint()) throw new IllegalArgumentException("dropout: needs a floating-point tensor, got " + x.dtype());
        Tensor mask = Tensor.empty(x.dtype(), x.shape());
        double scale = 1 / (1 - p);
        for (int i = 0; i < mask.numel(); i++) mask.storage().setDouble(i, g.nextDouble() >= p ? scale : 0);
        return x.mul(mask);
    }
}
