package dev.nabla.ops;

import java.util.Arrays;

/**
 * Unfolds the channels of one group of one image into the im2col matrix [cg*kh*kw, oh*ow] (rows in
 * the weight's (c, ki, kj) order, so conv = weight [og, k] x cols) and folds such a matrix back by
 * accumulation (col2im, the adjoint). Rows are written a contiguous output row at a time: the valid
 * columns of each kernel tap are computed once, so the inner loop is a plain copy at unit stride.
 */
final class Im2col {
    private Im2col() {}

    /** First output column whose input column ow*s - p + kj*d is >= 0. */
    private static int firstValid(int p, int tap, int s) {
        int need = p - tap;  // ow*s >= p - tap
        return need <= 0 ? 0 : (need + s - 1) / s;
    }

    /** One past the last output column whose input column is < in. */
    private static int endValid(int in, int p, int tap, int s, int out) {
        int need = in - 1 + p - tap;  // ow*s <= in - 1 + p - tap
        return need < 0 ? 0 : Math.min(out, need / s + 1);
    }

    static void im2col(float[] x, int xOff, ConvParams.Geometry g, float[] cols) {
        int h = g.h(), w = g.w(), oh = g.oh(), ow = g.ow(), l = g.l();
        int sh = g.p().stride()[0], sw = g.p().stride()[1], ph = g.p().padding()[0], pw = g.p().padding()[1];
        int dh = g.p().dilation()[0], dw = g.p().dilation()[1];
        int row = 0;
        for (int c = 0; c < g.cg(); c++) {
            int plane = xOff + c * h * w;
            for (int ki = 0; ki < g.kh(); ki++) {
                for (int kj = 0; kj < g.kw(); kj++, row++) {
                    int tapW = kj * dw, lo = Math.min(ow, firstValid(pw, tapW, sw)), hi = Math.max(lo, endValid(w, pw, tapW, sw, ow));
                    for (int y = 0; y < oh; y++) {
                        int dst = row * l + y * ow;
                        int ih = y * sh - ph + ki * dh;
                        if (ih < 0 || ih >= h) {
                            Arrays.fill(cols, dst, dst + ow, 0f);
                            continue;
                        }
                        Arrays.fill(cols, dst, dst + lo, 0f);
                        int src = plane + ih * w - pw + tapW;
                        if (sw == 1) System.arraycopy(x, src + lo, cols, dst + lo, hi - lo);
                        else for (int xo = lo; xo < hi; xo++) cols[dst + xo] = x[src + xo * sw];
                        Arrays.fill(cols, dst + hi, dst + ow, 0f);
                    }
                }
            }
        }
    }

    static void im2col(double[] x, int xOff, ConvParams.Geometry g, double[] cols) {
        int h = g.h(), w = g.w(), oh = g.oh(), ow = g.ow(), l = g.l();
        int sh = g.p().stride()[0], sw = g.p().stride()[1], ph = g.p().padding()[0], pw = g.p().padding()[1];
        int dh = g.p().dilation()[0], dw = g.p().dilation()[1];
        int row = 0;
        for (int c = 0; c < g.cg(); c++) {
            int plane = xOff + c * h * w;
            for (int ki = 0; ki < g.kh(); ki++) {
                for (int kj = 0; kj < g.kw(); kj++, row++) {
                    int tapW = kj * dw, lo = Math.min(ow, firstValid(pw, tapW, sw)), hi = Math.max(lo, endValid(w, pw, tapW, sw, ow));
                    for (int y = 0; y < oh; y++) {
                        int dst = row * l + y * ow;
                        int ih = y * sh - ph + ki * dh;
                        if (ih < 0 || ih >= h) {
                            Arrays.fill(cols, dst, dst + ow, 0.0);
                            continue;
                        }
                        Arrays.fill(cols, dst, dst + lo, 0.0);
                        int src = plane + ih * w - pw + tapW;
                        if (sw == 1) System.arraycopy(x, src + lo, cols, dst + lo, hi - lo);
                        else for (int xo = lo; xo < hi; xo++) cols[dst + xo] = x[src + xo * sw];
                        Arrays.fill(cols, dst + hi, dst + ow, 0.0);
                    }
                }
            }
        }
    }

    /** dx[group planes at dxOff] += fold(cols): every column entry goes back to the input cell it was read from. */
    static void col2im(float[] cols, ConvParams.Geometry g, float[] dx, int dxOff) {
        int h = g.h(), w = g.w(), oh = g.oh(), ow = g.ow(), l = g.l();
        int sh = g.p().stride()[0], sw = g.p().stride()[1], ph = g.p().padding()[0], pw = g.p().padding()[1];
        int dh = g.p().dilation()[0], dw = g.p().dilation()[1];
        int row = 0;
        for (int c = 0; c < g.cg(); c++) {
            int plane = dxOff + c * h * w;
            for (int ki = 0; ki < g.kh(); ki++) {
                for (int kj = 0; kj < g.kw(); kj++, row++) {
                    int tapW = kj * dw, lo = Math.min(ow, firstValid(pw, tapW, sw)), hi = Math.max(lo, endValid(w, pw, tapW, sw, ow));
                    for (int y = 0; y < oh; y++) {
                        int ih = y * sh - ph + ki * dh;
                        if (ih < 0 || ih >= h) continue;
                        int src = row * l + y * ow, dst = plane + ih * w - pw + tapW;
                        for (int xo = lo; xo < hi; xo++) dx[dst + xo * sw] += cols[src + xo];
                    }
                }
            }
        }
    }

    static void col2im(double[] cols, ConvParams.Geometry g, double[] dx, int dxOff) {
        int h = g.h(), w = g.w(), oh = g.oh(), ow = g.ow(), l = g.l();
        int sh = g.p().stride()[0], sw = g.p().stride()[1], ph = g.p().padding()[0], pw = g.p().padding()[1];
        int dh = g.p().dilation()[0], dw = g.p().dilation()[1];
        int row = 0;
        for (int c = 0; c < g.cg(); c++) {
            int plane = dxOff + c * h * w;
            for (int ki = 0; ki < g.kh(); ki++) {
                for (int kj = 0; kj < g.kw(); kj++, row++) {
                    int tapW = kj * dw, lo = Math.min(ow, firstValid(pw, tapW, sw)), hi = Math.max(lo, endValid(w, pw, tapW, sw, ow));
                    for (int y = 0; y < oh; y++) {
                        int ih = y * sh - ph + ki * dh;
                        if (ih < 0 || ih >= h) continue;
                        int src = row * l + y * ow, dst = plane + ih * w - pw + tapW;
                        for (int xo = lo; xo < hi; xo++) dx[dst + xo * sw] += cols[src + xo];
                    }
                }
            }
        }
    }
}
