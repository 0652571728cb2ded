package dev.nabla.ops;

import dev.nabla.Batching;
import dev.nabla.Dispatch;
import dev.nabla.Nabla;
import dev.nabla.Shapes;
import dev.nabla.Storage;
import dev.nabla.Tensor;

/**
 * out[p] = x[p with p[dim] replaced by index[p]], for every position p of index (PyTorch's gather).
 * Its adjoint is scatter-add into zeros, so gradients of gradients stay on the tape.
 */
final class GatherOp extends Op {
    private final int dim;

    GatherOp(int dim) {
        this.dim = dim;
    }

    /** PyTorch's shape rule: equal ranks, and index no larger than x outside dim. */
    static void checkShapes(String op, int[] x, int[] index, int dim) {
        if (x.length != index.length)
            throw new IllegalArgumentException(op + ": index " + Shapes.str(index) + " must have the same rank as the input " + Shapes.str(x));
        for (int d = 0; d < x.length; d++)
            if (d != dim && index[d] > x[d])
                throw new IllegalArgumentException(op + ": index " + Shapes.str(index) + " is larger than the input " + Shapes.str(x)
                        + " in dim " + d + " (only dim " + dim + " may differ)");
    }

    @Override
    public String name() {
        return "gather";
    }

    @Override
    public Tensor forward(Tensor[] in) {
        Tensor x = in[0], index = in[1];
        int[] shape = index.shape();
        Tensor out = Tensor.empty(x.dtype(), shape);
        if (out.numel() == 0) return out;
        int dimStride = x.stride()[dim], size = x.size(dim);
        StridedIter it = new StridedIter(shape, new int[][] {out.stride(), index.stride(), IndexKernels.withoutDim(x.stride(), dim)},
                new int[] {0, index.offset(), x.offset()});
        Storage os = out.storage(), is = index.storage(), xs = x.storage();
        int rl = it.rowLength, ist = it.operandStride(1), xst = it.operandStride(2);
        int[] offs = new int[3];
        for (int r = 0; r < it.rows; r++) {
            it.rowOffsets(r, offs);
            for (int i = 0, ii = offs[1], xi = offs[2]; i < rl; i++, ii += ist, xi += xst) {
                int k = IndexKernels.index("gather", is, ii, dim, size);
                IndexKernels.copy(xs, xi + k * dimStride, os, offs[0] + i);
            }
        }
        return out;
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) {
        Tensor zeros = Nabla.zeros(g.dtype(), in[0].shape());
        return new Tensor[] {Dispatch.call(new ScatterOp(dim, true), zeros, in[1], g), null};
    }

    @Override
    public Tensor batch(Tensor[] in, boolean[] batched) {
        Tensor[] b = batchAll(in, batched);
        return Dispatch.call(new GatherOp(dim + 1), b[0], b[1]);
    }

    /** Gives every operand the batch dim (broadcasting unbatched ones), for rules that shift dim by one. */
    static Tensor[] batchAll(Tensor[] in, boolean[] batched) {
        int n = Batching.batchSize(in, batched);
        Tensor[] r = new Tensor[in.length];
        for (int i = 0; i < in.length; i++)
            r[i] = batched[i] ? in[i] : in[i].unsqueeze(0).expand(Shapes.insert(in[i].shape(), 0, n));
        return r;
    }
}
