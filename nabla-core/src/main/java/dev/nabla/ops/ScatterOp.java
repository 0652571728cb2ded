package dev.nabla.ops;

import dev.nabla.Dispatch;
import dev.nabla.Nabla;
import dev.nabla.Storage;
import dev.nabla.Tensor;

/**
 * A copy of x with out[p with p[dim] replaced by index[p]] = src[p] (or += src[p] when accumulating),
 * for every position p of index; PyTorch's scatter and scatter_add. src may be larger than index,
 * only its index-shaped corner is read. With duplicate targets the last write wins (PyTorch leaves
 * that order unspecified); accumulation sums them all.
 */
final class ScatterOp extends Op {
    private final int dim;
    private final boolean accumulate;

    ScatterOp(int dim, boolean accumulate) {
        this.dim = dim;
        this.accumulate = accumulate;
    }

    @Override
    public String name() {
        return accumulate ? "scatter_add" : "scatter";
    }

    @Override
    public Tensor forward(Tensor[] in) {
        Tensor x = in[0], index = in[1], src = in[2];
        Tensor out = Conversions.convert(x, x.dtype());
        int[] shape = index.shape();
        if (index.numel() == 0) return out;
        int dimStride = out.stride()[dim], size = out.size(dim);
        StridedIter it = new StridedIter(shape, new int[][] {index.stride(), src.stride(), IndexKernels.withoutDim(out.stride(), dim)},
                new int[] {index.offset(), src.offset(), 0});
        Storage is = index.storage(), ss = src.storage(), os = out.storage();
        int rl = it.rowLength, ist = it.operandStride(0), sst = it.operandStride(1), ost = it.operandStride(2);
        int[] offs = new int[3];
        for (int r = 0; r < it.rows; r++) {
            it.rowOffsets(r, offs);
            for (int i = 0, ii = offs[0], si = offs[1], oi = offs[2]; i < rl; i++, ii += ist, si += sst, oi += ost) {
                int target = oi + IndexKernels.index(name(), is, ii, dim, size) * dimStride;
                if (accumulate) IndexKernels.add(ss, si, os, target);
                else IndexKernels.copy(ss, si, os, target);
            }
        }
        return out;
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) {
        Tensor index = in[1];
        Tensor gx = null, gsrc = null;
        if (needs[0]) {
            // overwritten positions no longer depend on x
            gx = accumulate ? g : Dispatch.call(new ScatterOp(dim, false), g, index, Nabla.scalarLike(0, g).expand(index.shape()));
        }
        if (needs[2]) gsrc = padToShape(Dispatch.call(new GatherOp(dim), g, index), in[2].shape());
        return new Tensor[] {gx, null, gsrc};
    }

    /** Zero-pads the gradient of the read corner of src out to src's full shape. */
    private static Tensor padToShape(Tensor t, int[] shape) {
        int[] s = t.shape();
        int[] pad = new int[2 * s.length];
        boolean any = false;
        for (int d = 0; d < s.length; d++) {
            pad[2 * (s.length - 1 - d) + 1] = shape[d] - s[d];
            any |= shape[d] != s[d];
        }
        return any ? Padding.pad(t, pad, "constant", 0) : t;
    }

    @Override
    public Tensor batch(Tensor[] in, boolean[] batched) {
        Tensor[] b = GatherOp.batchAll(in, batched);
        return Dispatch.call(new ScatterOp(dim + 1, accumulate), b[0], b[1], b[2]);
    }
}
