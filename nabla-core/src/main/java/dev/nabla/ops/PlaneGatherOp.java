package dev.nabla.ops;

import dev.nabla.DType;
import dev.nabla.Dispatch;
import dev.nabla.Shapes;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;

/**
 * out[..., i, j] = x[..., plane offset idx[..., i, j]]: reads max-pooling results from their indices.
 * Its gradient is {@link PlaneScatterAddOp} with the same indices, whose gradient is this op again.
 */
final class PlaneGatherOp extends Op {
    static final PlaneGatherOp INSTANCE = new PlaneGatherOp();

    @Override
    public String name() {
        return "max_pool_gather";
    }

    @Override
    public Tensor forward(Tensor[] in) {
        Tensor x = ConvKernels.dense(in[0]), idx = ConvKernels.dense(in[1]);
        int[] xs = x.shape(), is = idx.shape();
        int r = xs.length;
        int plane = xs[r - 2] * xs[r - 1], opl = is[r - 2] * is[r - 1];
        Tensor out = Tensor.empty(x.dtype(), is);
        int planes = plane == 0 ? 0 : x.numel() / plane;
        long[] ids = idx.storage().longs();
        int xo = x.offset(), io = idx.offset();
        Parallel.forRange(planes, Math.max(1, Elementwise.GRAIN / Math.max(1, opl)), (s, e) -> {
            for (int p = s; p < e; p++) {
                int src = xo + p * plane, at = p * opl;
                if (x.dtype() == DType.FLOAT32) {
                    float[] a = x.storage().floats(), o = out.storage().floats();
                    for (int t = 0; t < opl; t++) o[at + t] = a[src + (int) ids[io + at + t]];
                } else {
                    double[] a = x.storage().doubles(), o = out.storage().doubles();
                    for (int t = 0; t < opl; t++) o[at + t] = a[src + (int) ids[io + at + t]];
                }
            }
        });
        return out;
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) {
        int[] xs = in[0].shape();
        return new Tensor[] {needs[0] ? Dispatch.call(new PlaneScatterAddOp(xs[xs.length - 2], xs[xs.length - 1]), g, in[1]) : null, null};
    }

    @Override
    public Tensor batch(Tensor[] in, boolean[] batched) {
        return Dispatch.call(this, matchBatch(in, batched));
    }

    /** Gives an unbatched operand the batch dim of the other, so both have the same leading dims. */
    static Tensor[] matchBatch(Tensor[] in, boolean[] batched) {
        int b = dev.nabla.Batching.batchSize(in, batched);
        Tensor[] r = in.clone();
        for (int i = 0; i < r.length; i++)
            if (!batched[i]) r[i] = r[i].unsqueeze(0).expand(Shapes.insert(r[i].shape(), 0, b));
        return r;
    }
}
