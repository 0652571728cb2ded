package dev.nabla.ops;

import dev.nabla.DType;
import dev.nabla.Dispatch;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;

/**
 * Where each max-pooling window of x [..., H, W] has its maximum, as int64 flat offsets h*W + w into
 * the plane (PyTorch's indices). Ties go to the first maximum in row-major scan order; a NaN wins over
 * any number. Not differentiable: the pooled values are {@link PlaneGatherOp} of x at these indices.
 */
final class MaxPoolIndicesOp extends Op {
    private final String op;
    private final PoolWindows wh, ww;

    MaxPoolIndicesOp(String op, PoolWindows wh, PoolWindows ww) {
        this.op = op;
        this.wh = wh;
        this.ww = ww;
    }

    @Override
    public String name() {
        return op + "_indices";
    }

    @Override
    public boolean isDifferentiable() {
        return false;
    }

    @Override
    public Tensor forward(Tensor[] in) {
        Tensor x = ConvKernels.dense(in[0]);
        int[] s = x.shape();
        int h = s[s.length - 2], w = s[s.length - 1], oh = wh.out(), ow = ww.out();
        int[] os = s.clone();
        os[s.length - 2] = oh;
        os[s.length - 1] = ow;
        Tensor out = Tensor.empty(DType.INT64, os);
        int planes = h * w == 0 ? 0 : x.numel() / (h * w);
        long[] idx = out.storage().longs();
        int xo = x.offset();
        Parallel.forRange(planes, Math.max(1, Elementwise.GRAIN / Math.max(1, h * w)), (a, e) -> {
            for (int p = a; p < e; p++) {
                if (x.dtype() == DType.FLOAT32) planeF(x.storage().floats(), xo + p * h * w, w, idx, p * oh * ow);
                else planeD(x.storage().doubles(), xo + p * h * w, w, idx, p * oh * ow);
            }
        });
        return out;
    }

    private void planeF(float[] x, int base, int w, long[] idx, int at) {
        for (int i = 0; i < wh.out(); i++) {
            for (int j = 0; j < ww.out(); j++, at++) {
                int best = wh.lo()[i] * w + ww.lo()[j];
                float max = Float.NEGATIVE_INFINITY;
                for (int ti = 0, r = wh.lo()[i]; ti < wh.taps()[i]; ti++, r += wh.step()) {
                    for (int tj = 0, c = ww.lo()[j]; tj < ww.taps()[j]; tj++, c += ww.step()) {
                        float v = x[base + r * w + c];
                        if (v > max || v != v) {
                            max = v;
                            best = r * w + c;
                        }
                    }
                }
                idx[at] = best;
            }
        }
    }

    private void planeD(double[] x, int base, int w, long[] idx, int at) {
        for (int i = 0; i < wh.out(); i++) {
            for (int j = 0; j < ww.out(); j++, at++) {
                int best = wh.lo()[i] * w + ww.lo()[j];
                double max = Double.NEGATIVE_INFINITY;
                for (int ti = 0, r = wh.lo()[i]; ti < wh.taps()[i]; ti++, r += wh.step()) {
                    for (int tj = 0, c = ww.lo()[j]; tj < ww.taps()[j]; tj++, c += ww.step()) {
                        double v = x[base + r * w + c];
                        if (v > max || v != v) {
                            max = v;
                            best = r * w + c;
                        }
                    }
                }
                idx[at] = best;
            }
        }
    }

    @Override
    public Tensor batch(Tensor[] in, boolean[] batched) {
        return Dispatch.call(this, in[0]);  // the vmap batch is one more leading dim of planes
    }
}
