package dev.nabla.ops;

import dev.nabla.DType;
import dev.nabla.Dispatch;
import dev.nabla.Shapes;
import dev.nabla.Tensor;

/** Concatenation along one dim; the backward rule slices the gradient apart again. */
final class CatOp extends Op {
    private final int dim;

    CatOp(int dim) {
        this.dim = dim;
    }

    @Override
    public String name() {
        return "cat";
    }

    @Override
    public boolean backwardUsesInputs() {
        return false;
    }

    static int[] outShape(Tensor[] in, int dim) {
        int[] s = in[0].shape();
        int total = 0;
        for (int i = 0; i < in.length; i++) {
            int[] si = in[i].shape();
            if (si.length != s.length)
                throw new IllegalArgumentException("cat: tensor 0 has shape " + Shapes.str(s) + " but tensor " + i + " has shape " + Shapes.str(si) + " (ranks differ)");
            for (int d = 0; d < s.length; d++)
                if (d != dim && si[d] != s[d])
                    throw new IllegalArgumentException("cat: tensor " + i + " has shape " + Shapes.str(si) + ", expected " + Shapes.str(s)
                            + " except in dim " + dim);
            total += si[dim];
        }
        s[dim] = total;
        return s;
    }

    @Override
    public Tensor forward(Tensor[] in) {
        DType dt = in[0].dtype();
        for (Tensor t : in) dt = DType.promote(dt, t.dtype());
        Tensor out = Tensor.empty(dt, outShape(in, dim));
        int at = 0;
        for (Tensor t : in) {
            int len = t.size(dim);
            if (len > 0) Elementwise.copyInto(t, out.narrow(dim, at, len));
            at += len;
        }
        return out;
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) {
        Tensor[] r = new Tensor[in.length];
        int at = 0;
        for (int i = 0; i < in.length; i++) {
            int len = in[i].size(dim);
            if (needs[i]) r[i] = g.narrow(dim, at, len).to(in[i].dtype());
            at += len;
        }
        return r;
    }

    @Override
    public Tensor batch(Tensor[] in, boolean[] batched) {
        int b = dev.nabla.Batching.batchSize(in, batched);
        Tensor[] phys = new Tensor[in.length];
        for (int i = 0; i < in.length; i++)
            phys[i] = batched[i] ? in[i] : in[i].unsqueeze(0).expand(Shapes.insert(in[i].shape(), 0, b));
        return Dispatch.call(new CatOp(dim + 1), phys);
    }
}
