package dev.nabla.ops;

import dev.nabla.DType;
import dev.nabla.Dispatch;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.cpu.Simd;

/** softmax / logSoftmax along one dim in one fused, max-shifted pass per row. */
final class SoftmaxOp extends Op {
    private final int dim;
    private final boolean log;

    SoftmaxOp(int dim, boolean log) {
        this.dim = dim;
        this.log = log;
    }

    @Override
    public String name() {
        return log ? "log_softmax" : "softmax";
    }

    @Override
    public boolean backwardUsesInputs() {
        return false;
    }

    @Override
    public boolean backwardUsesOutput() {
        return true;
    }

    @Override
    public Tensor forward(Tensor[] in) {
        Tensor x = in[0];
        if (x.dim() == 0) return log ? Tensor.empty(x.dtype()) : Tensor.empty(x.dtype()).fill_(1);
        int last = x.dim() - 1;
        Tensor rows = (dim == last ? x : x.transpose(dim, last)).contiguous();
        Tensor out = Tensor.empty(x.dtype(), rows.shape());
        int n = rows.size(-1);
        int count = n == 0 ? 0 : rows.numel() / n;
        if (x.dtype() == DType.FLOAT32) {
            float[] xs = rows.storage().floats(), os = out.storage().floats();
            int xo = rows.offset();
            Parallel.forRange(count, Math.max(1, Elementwise.GRAIN / Math.max(1, n)), (s, e) -> {
                for (int r = s; r < e; r++) rowF(xs, xo + r * n, os, r * n, n);
            });
        } else {
            double[] xs = rows.storage().doubles(), os = out.storage().doubles();
            int xo = rows.offset();
            for (int r = 0; r < count; r++) rowD(xs, xo + r * n, os, r * n, n);
        }
        return dim == last ? out : out.transpose(dim, last);
    }

    private void rowF(float[] x, int xo, float[] o, int oo, int n) {
        float m = Float.NEGATIVE_INFINITY;
        if (Simd.AVAILABLE) m = FloatKernels.max(x, xo, n);
        else for (int i = 0; i < n; i++) m = Math.max(m, x[xo + i]);
        if (m == Float.NEGATIVE_INFINITY || m != m) {  // all -inf (or NaN): PyTorch gives NaN
            for (int i = 0; i < n; i++) o[oo + i] = Float.NaN;
            return;
        }
        float s;
        if (Simd.AVAILABLE) {
            s = FloatKernels.expShiftSum(x, xo, m, o, oo, n);
        } else {
            s = 0;
            for (int i = 0; i < n; i++) s += o[oo + i] = (float) Math.exp(x[xo + i] - m);
        }
        if (log) {
            // (x - m) - log(s), not x - (m + log(s)): m + log(s) would round to the ulp of m
            float ls = (float) Math.log(s);
            if (Simd.AVAILABLE) FloatKernels.shift(x, xo, m, ls, o, oo, n);
            else for (int i = 0; i < n; i++) o[oo + i] = (x[xo + i] - m) - ls;
        } else {
            float inv = 1f / s;
            if (Simd.AVAILABLE) FloatKernels.scale(o, oo, inv, n);
            else for (int i = 0; i < n; i++) o[oo + i] *= inv;
        }
    }

    private void rowD(double[] x, int xo, double[] o, int oo, int n) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) m = Math.max(m, x[xo + i]);
        if (m == Double.NEGATIVE_INFINITY || m != m) {
            for (int i = 0; i < n; i++) o[oo + i] = Double.NaN;
            return;
        }
        double s = 0;
        for (int i = 0; i < n; i++) s += o[oo + i] = Math.exp(x[xo + i] - m);
        if (log) {
            double ls = Math.log(s);
            for (int i = 0; i < n; i++) o[oo + i] = (x[xo + i] - m) - ls;
        } else {
            for (int i = 0; i < n; i++) o[oo + i] /= s;
        }
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor y, Tensor g, boolean[] needs) {
        if (log) return new Tensor[] {g.sub(y.exp().mul(g.sum(dim, true)))};
        return new Tensor[] {y.mul(g.sub(g.mul(y).sum(dim, true)))};
    }

    @Override
    public Tensor batch(Tensor[] in, boolean[] batched) {
        return Dispatch.call(new SoftmaxOp(dim + 1, log), in[0]);
    }
}
