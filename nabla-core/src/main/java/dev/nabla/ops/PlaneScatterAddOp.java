package dev.nabla.ops;

import dev.nabla.DType;
import dev.nabla.Dispatch;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;

/**
 * The adjoint of {@link PlaneGatherOp}: g [..., oh, ow] is added into a zero [..., h, w] at the plane
 * offsets idx (overlapping max-pooling windows that chose the same cell accumulate).
 */
final class PlaneScatterAddOp extends Op {
    private final int h, w;

    PlaneScatterAddOp(int h, int w) {
        this.h = h;
        this.w = w;
    }

    @Override
    public String name() {
        return "max_pool_scatter_add";
    }

    @Override
    public Tensor forward(Tensor[] in) {
        Tensor g = ConvKernels.dense(in[0]), idx = ConvKernels.dense(in[1]);
        int[] gs = g.shape();
        int r = gs.length, plane = h * w, opl = gs[r - 2] * gs[r - 1];
        int[] os = gs.clone();
        os[r - 2] = h;
        os[r - 1] = w;
        Tensor out = Tensor.empty(g.dtype(), os);
        int planes = opl == 0 ? 0 : g.numel() / opl;
        long[] ids = idx.storage().longs();
        int go = g.offset(), io = idx.offset();
        Parallel.forRange(planes, Math.max(1, Elementwise.GRAIN / Math.max(1, opl)), (s, e) -> {
            for (int p = s; p < e; p++) {
                int dst = p * plane, at = p * opl;
                if (g.dtype() == DType.FLOAT32) {
                    float[] a = g.storage().floats(), o = out.storage().floats();
                    for (int t = 0; t < opl; t++) o[dst + (int) ids[io + at + t]] += a[go + at + t];
                } else {
                    double[] a = g.storage().doubles(), o = out.storage().doubles();
                    for (int t = 0; t < opl; t++) o[dst + (int) ids[io + at + t]] += a[go + at + t];
                }
            }
        });
        return out;
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor gg, boolean[] needs) {
        return new Tensor[] {needs[0] ? Dispatch.call(PlaneGatherOp.INSTANCE, gg, in[1]) : null, null};
    }

    @Override
    public Tensor batch(Tensor[] in, boolean[] batched) {
        return Dispatch.call(this, PlaneGatherOp.matchBatch(in, batched));
    }
}
