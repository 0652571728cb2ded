package dev.nabla.ops;

import dev.nabla.Dispatch;
import dev.nabla.Nabla;
import dev.nabla.Shapes;
import dev.nabla.Tensor;

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
            if (!java.util.Arrays.equals(tensors[i].shape(), tensors[0].shape()))
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
            throw new IllegalArgumentException("split: sizes " + java.util.Arrays.toString(sizes) + " sum to " + total + ", but dim " + dim + " has size " + x.size(d));
        Tensor[] r = new Tensor[sizes.length];
        for (int i = 0, at = 0; i < sizes.length; at += sizes[i], i++) r[i] = x.narrow(d, at, sizes[i]);
        return r;
    }

    public static Tensor[] chunk(Tensor x, int chunks, int dim) {
        if (chunks <= 0) throw new IllegalArgumentException("chunk: number of chunks must be positive, got " + chunks);
        int n = x.size(dim);
        return split(x, Math.max(1, (n + chunks - 1) / chunks), dim);
    }

    // The ops below are being filled in; each throws until its kernel lands.

    private static UnsupportedOperationException pending(String op) {
        return new UnsupportedOperationException(op + " is not implemented yet");
    }

    public static Tensor flip(Tensor x, int[] dims) { throw pending("flip"); }
    public static Tensor repeat(Tensor x, int[] repeats) { throw pending("repeat"); }
    public static Tensor tile(Tensor x, int[] reps) { throw pending("tile"); }
    public static Tensor gather(Tensor x, int dim, Tensor index) { throw pending("gather"); }
    public static Tensor scatter(Tensor x, int dim, Tensor index, Tensor src) { throw pending("scatter"); }
    public static Tensor scatterAdd(Tensor x, int dim, Tensor index, Tensor src) { throw pending("scatterAdd"); }
    public static Tensor indexSelect(Tensor x, int dim, Tensor index) { throw pending("indexSelect"); }
    public static Tensor indexAdd(Tensor x, int dim, Tensor index, Tensor source) { throw pending("indexAdd"); }
    public static Tensor maskedFill(Tensor x, Tensor mask, double value) {
        return Nabla.where(mask, Nabla.scalarLike(value, x), x);
    }
    public static Tensor maskedSelect(Tensor x, Tensor mask) { throw pending("maskedSelect"); }
    public static Tensor cumsum(Tensor x, int dim) { throw pending("cumsum"); }
    public static Tensor cumprod(Tensor x, int dim) { throw pending("cumprod"); }
    public static Nabla.ValuesIndices sort(Tensor x, int dim, boolean descending) { throw pending("sort"); }
    public static Tensor argsort(Tensor x, int dim, boolean descending) { throw pending("argsort"); }
    public static Nabla.ValuesIndices topk(Tensor x, int k, int dim, boolean largest, boolean sorted) { throw pending("topk"); }
    public static Tensor tril(Tensor x, int diagonal) { throw pending("tril"); }
    public static Tensor triu(Tensor x, int diagonal) { throw pending("triu"); }
    public static Tensor pad(Tensor x, int[] pad, String mode, double value) { throw pending("pad"); }
    public static Tensor embedding(Tensor indices, Tensor weight, int paddingIdx) { throw pending("embedding"); }
    public static Tensor dropout(Tensor x, double p, boolean training, dev.nabla.Generator g) { throw pending("dropout"); }
}
