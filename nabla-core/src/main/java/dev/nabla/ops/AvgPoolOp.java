package dev.nabla.ops;

import dev.nabla.DType;
import dev.nabla.Dispatch;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;

/**
 * Average pooling of x [..., H, W] over the product of two {@link PoolWindows} (sliding or adaptive),
 * and, with {@code adjoint}, its transpose: spreading g [..., oh, ow] back over the windows. The pair
 * are each other's gradients, so every order of derivative is exact.
 */
final class AvgPoolOp extends Op {
    private final String op;
    private final PoolWindows wh, ww;
    private final boolean countIncludePad;
    private final int divisorOverride;  // 0 = none
    private final boolean adjoint;

    AvgPoolOp(String op, PoolWindows wh, PoolWindows ww, boolean countIncludePad, int divisorOverride, boolean adjoint) {
        this.op = op;
        this.wh = wh;
        this.ww = ww;
        this.countIncludePad = countIncludePad;
        this.divisorOverride = divisorOverride;
        this.adjoint = adjoint;
    }

    @Override
    public String name() {
        return adjoint ? op + "_backward" : op;
    }

    @Override
    public boolean backwardUsesInputs() {
        return false;
    }

    private double divisor(int i, int j) {
        if (divisorOverride != 0) return divisorOverride;
        return countIncludePad ? (double) wh.padCount()[i] * ww.padCount()[j] : (double) wh.taps()[i] * ww.taps()[j];
    }

    @Override
    public Tensor forward(Tensor[] in) {
        Tensor x = ConvKernels.dense(in[0]);
        int[] s = x.shape();
        int r = s.length, h = wh.in(), w = ww.in(), oh = wh.out(), ow = ww.out();
        int inPlane = adjoint ? oh * ow : h * w, outPlane = adjoint ? h * w : oh * ow;
        int[] os = s.clone();
        os[r - 2] = adjoint ? h : oh;
        os[r - 1] = adjoint ? w : ow;
        Tensor out = Tensor.empty(x.dtype(), os);
        int planes = inPlane == 0 ? 0 : x.numel() / inPlane;
        int xo = x.offset();
        boolean f32 = x.dtype() == DType.FLOAT32;
        Parallel.forRange(planes, Math.max(1, Elementwise.GRAIN / Math.max(1, inPlane)), (a, e) -> {
            for (int p = a; p < e; p++) {
                if (f32) plane(x.storage().floats(), xo + p * inPlane, out.storage().floats(), p * outPlane, w);
                else plane(x.storage().doubles(), xo + p * inPlane, out.storage().doubles(), p * outPlane, w);
            }
        });
        return out;
    }

    private void plane(float[] src, int so, float[] dst, int d, int w) {
        for (int i = 0; i < wh.out(); i++) {
            for (int j = 0; j < ww.out(); j++) {
                float div = (float) divisor(i, j);
                int at = i * ww.out() + j, r0 = wh.lo()[i], c0 = ww.lo()[j];
                if (adjoint) {
                    float v = src[so + at] / div;
                    for (int r = r0; r < r0 + wh.taps()[i]; r++)
                        for (int c = c0; c < c0 + ww.taps()[j]; c++) dst[d + r * w + c] += v;
                } else {
                    float sum = 0;
                    for (int r = r0; r < r0 + wh.taps()[i]; r++)
                        for (int c = c0; c < c0 + ww.taps()[j]; c++) sum += src[so + r * w + c];
                    dst[d + at] = sum / div;
                }
            }
        }
    }

    private void plane(double[] src, int so, double[] dst, int d, int w) {
        for (int i = 0; i < wh.out(); i++) {
            for (int j = 0; j < ww.out(); j++) {
                double div = divisor(i, j);
                int at = i * ww.out() + j, r0 = wh.lo()[i], c0 = ww.lo()[j];
                if (adjoint) {
                    double v = src[so + at] / div;
                    for (int r = r0; r < r0 + wh.taps()[i]; r++)
                        for (int c = c0; c < c0 + ww.taps()[j]; c++) dst[d + r * w + c] += v;
                } else {
                    double sum = 0;
                    for (int r = r0; r < r0 + wh.taps()[i]; r++)
                        for (int c = c0; c < c0 + ww.taps()[j]; c++) sum += src[so + r * w + c];
                    dst[d + at] = sum / div;
                }
            }
        }
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) {
        return new Tensor[] {Dispatch.call(new AvgPoolOp(op, wh, ww, countIncludePad, divisorOverride, !adjoint), g)};
    }

    @Override
    public Tensor batch(Tensor[] in, boolean[] batched) {
        return Dispatch.call(this, in[0]);  // the vmap batch is one more leading dim of planes
    }
}
