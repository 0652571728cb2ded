package dev.nabla.ops;

import dev.nabla.DType;
import dev.nabla.Tensor;
import dev.nabla.cpu.Gemm;
import dev.nabla.cpu.Parallel;
import java.util.Arrays;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The three convolution kernels, im2col + GEMM per (image, group): the convolution, its adjoint
 * in the input (transposed convolution: GEMM then col2im) and its adjoint in the weight (GEMM of the
 * output gradient with the im2col matrix). float32 convolutions and input gradients with unit stride
 * take {@link DirectConv} instead where its rule says it is faster; the weight gradient is a reduction
 * over pixels, a different loop shape, and always goes through GEMM. float32 and float64 share the drivers; only the innermost
 * calls ({@link Im2col}, {@link Gemm}) are typed.
 */
final class ConvKernels {
    private ConvKernels() {}

    /** Work units (image, group) per thread piece: enough flops that a hand-off pays for itself. */
    private static int grain(ConvParams.Geometry g) {
        long flops = 2L * g.og() * g.k() * g.l();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (1L << 20) / Math.max(1, flops)));
    }

    /** out[n, o] = sum_c w[o, c] (*) x[n, c] + b[o]: the direct kernel where it is faster ({@link DirectConv#applies}), else im2col + GEMM. */
    static Tensor conv(Tensor x, Tensor w, Tensor b, ConvParams.Geometry g) {
        return DirectConv.applies(g, x.dtype()) ? DirectConv.conv(x, w, b, g) : convIm2col(x, w, b, g);
    }

    /** The general path: any stride, dilation, groups and dtype. */
    static Tensor convIm2col(Tensor x, Tensor w, Tensor b, ConvParams.Geometry g) {
        x = dense(x);
        w = dense(w);
        b = b == null ? null : dense(b);
        boolean f32 = x.dtype() == DType.FLOAT32;
        Tensor out = Tensor.empty(x.dtype(), g.n(), g.o(), g.oh(), g.ow());
        Object xs = x.storage().array(), ws = w.storage().array(), bs = b == null ? null : b.storage().array(), os = out.storage().array();
        int xo = x.offset(), wo = w.offset(), bo = b == null ? 0 : b.offset();
        int groups = g.groups(), og = g.og(), k = g.k(), l = g.l(), planeIn = g.cg() * g.h() * g.w();
        Parallel.forRange(g.n() * groups, grain(g), (s, e) -> {
            Object cols = g.pointwise() ? null : buffer(f32, k * l);
            for (int u = s; u < e; u++) {
                int n = u / groups, gi = u % groups;
                int xOff = xo + (n * groups + gi) * planeIn, cOff = (n * g.o() + gi * og) * l;
                if (bs != null) fillRows(bs, bo + gi * og, os, cOff, og, l);
                if (cols != null) im2col(xs, xOff, g, cols);
                gemm(f32, false, false, og, l, k, ws, wo + gi * og * k, k,
                        cols == null ? xs : cols, cols == null ? xOff : 0, l, bs == null ? 0 : 1, os, cOff, l);
            }
        });
        return out;
    }

    /** The input gradient of conv for output gradient gy [n, o, oh, ow]: a transposed convolution. */
    static Tensor inputGrad(Tensor gy, Tensor w, ConvParams.Geometry g) {
        Tensor direct = DirectConv.supports(g, gy.dtype()) ? DirectConv.inputGrad(gy, w, g) : null;
        return direct != null ? direct : inputGradIm2col(gy, w, g);
    }

    /** The general input gradient: GEMM then col2im, any stride, dilation, groups and dtype. */
    static Tensor inputGradIm2col(Tensor gy, Tensor w, ConvParams.Geometry g) {
        gy = dense(gy);
        w = dense(w);
        boolean f32 = gy.dtype() == DType.FLOAT32;
        Tensor dx = Tensor.empty(gy.dtype(), g.n(), g.c(), g.h(), g.w());
        Object gs = gy.storage().array(), ws = w.storage().array(), dxs = dx.storage().array();
        int go = gy.offset(), wo = w.offset();
        int groups = g.groups(), og = g.og(), k = g.k(), l = g.l(), planeIn = g.cg() * g.h() * g.w();
        Parallel.forRange(g.n() * groups, grain(g), (s, e) -> {
            Object cols = g.pointwise() ? null : buffer(f32, k * l);
            for (int u = s; u < e; u++) {
                int n = u / groups, gi = u % groups;
                int dxOff = (n * groups + gi) * planeIn, gOff = go + (n * g.o() + gi * og) * l;
                // cols [k, l] = w_g^T [k, og] x gy [og, l]; a pointwise conv writes the image directly
                gemm(f32, true, false, k, l, og, ws, wo + gi * og * k, k, gs, gOff, l, 0,
                        cols == null ? dxs : cols, cols == null ? dxOff : 0, l);
                if (cols != null) col2im(cols, g, dxs, dxOff);
            }
        });
        return dx;
    }

    /** The weight gradient of conv: dw_g [og, k] = sum_n gy[n, g] [og, l] x im2col(x[n, g])^T [l, k]. */
    static Tensor weightGrad(Tensor x, Tensor gy, ConvParams.Geometry g) {
        x = dense(x);
        gy = dense(gy);
        boolean f32 = x.dtype() == DType.FLOAT32;
        int groups = g.groups(), og = g.og(), k = g.k(), l = g.l(), planeIn = g.cg() * g.h() * g.w();
        int size = g.o() * k;
        Object xs = x.storage().array(), gs = gy.storage().array();
        int xo = x.offset(), go = gy.offset();
        // Each thread piece sums its images into a private weight buffer; the pieces are then added in a
        // fixed order (by start) so that results do not depend on thread timing.
        ConcurrentSkipListMap<Integer, Object> partials = new ConcurrentSkipListMap<>();
        Parallel.forRange(g.n() * groups, grain(g), (s, e) -> {
            Object cols = g.pointwise() ? null : buffer(f32, k * l);
            Object acc = buffer(f32, size);
            for (int u = s; u < e; u++) {
                int n = u / groups, gi = u % groups;
                int xOff = xo + (n * groups + gi) * planeIn, gOff = go + (n * g.o() + gi * og) * l;
                if (cols != null) im2col(xs, xOff, g, cols);
                gemm(f32, false, true, og, k, l, gs, gOff, l, cols == null ? xs : cols, cols == null ? xOff : 0, l,
                        1, acc, gi * og * k, k);
            }
            partials.put(s, acc);
        });
        Tensor dw = Tensor.empty(x.dtype(), g.o(), g.cg(), g.kh(), g.kw());
        Object dws = dw.storage().array();
        for (Object p : partials.values()) addInto(p, dws, size);
        return dw;
    }

    static Tensor dense(Tensor t) {
        return t.isContiguous() ? t : Conversions.convert(t, t.dtype());
    }

    private static Object buffer(boolean f32, int n) {
        return f32 ? new float[n] : new double[n];
    }

    private static void im2col(Object x, int off, ConvParams.Geometry g, Object cols) {
        if (x instanceof float[] f) Im2col.im2col(f, off, g, (float[]) cols);
        else Im2col.im2col((double[]) x, off, g, (double[]) cols);
    }

    private static void col2im(Object cols, ConvParams.Geometry g, Object dx, int off) {
        if (cols instanceof float[] f) Im2col.col2im(f, g, (float[]) dx, off);
        else Im2col.col2im((double[]) cols, g, (double[]) dx, off);
    }

    private static void gemm(boolean f32, boolean ta, boolean tb, int m, int n, int k, Object a, int ao, int lda,
                             Object b, int bo, int ldb, double beta, Object c, int co, int ldc) {
        if (f32) Gemm.sgemm(ta, tb, m, n, k, 1f, (float[]) a, ao, lda, (float[]) b, bo, ldb, (float) beta, (float[]) c, co, ldc);
        else Gemm.dgemm(ta, tb, m, n, k, 1.0, (double[]) a, ao, lda, (double[]) b, bo, ldb, beta, (double[]) c, co, ldc);
    }

    /** Sets each of rows consecutive rows of length len in c to one bias value, so the GEMM can add onto it. */
    private static void fillRows(Object bias, int bOff, Object c, int cOff, int rows, int len) {
        for (int r = 0; r < rows; r++) {
            int at = cOff + r * len;
            if (c instanceof float[] f) Arrays.fill(f, at, at + len, ((float[]) bias)[bOff + r]);
            else Arrays.fill((double[]) c, at, at + len, ((double[]) bias)[bOff + r]);
        }
    }

    private static void addInto(Object src, Object dst, int n) {
        if (src instanceof float[] s) {
            float[] d = (float[]) dst;
            for (int i = 0; i < n; i++) d[i] += s[i];
        } else {
            double[] s = (double[]) src, d = (double[]) dst;
            for (int i = 0; i < n; i++) d[i] += s[i];
        }
    }
}
