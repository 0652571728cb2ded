package dev.nabla.ops;

import dev.nabla.Shapes;
import dev.nabla.Tensor;
import java.util.Arrays;

/**
 * The hyper-parameters shared by a 2-d convolution and its two adjoints (transposed conv = input
 * gradient, weight gradient), plus the shape arithmetic and checks they all need. 1-d convolutions run
 * as 2-d ones with a height of 1, so everything here is 2-d.
 */
record ConvParams(int[] stride, int[] padding, int[] dilation, int groups) {
    ConvParams {
        stride = stride.clone();
        padding = padding.clone();
        dilation = dilation.clone();
    }

    /** Checks the raw arguments of a user-facing op once, naming it in the message. */
    static ConvParams of(String op, int[] stride, int[] padding, int[] dilation, int groups) {
        pair(op, "stride", stride, 1);
        pair(op, "padding", padding, 0);
        pair(op, "dilation", dilation, 1);
        if (groups < 1) throw new IllegalArgumentException(op + ": groups must be positive, got " + groups);
        return new ConvParams(stride, padding, dilation, groups);
    }

    private static void pair(String op, String what, int[] v, int min) {
        if (v == null || v.length != 2)
            throw new IllegalArgumentException(op + ": " + what + " needs 2 values, got " + (v == null ? "null" : Arrays.toString(v)));
        if (v[0] < min || v[1] < min)
            throw new IllegalArgumentException(op + ": " + what + " must be >= " + min + ", got " + Arrays.toString(v));
    }

    /** The same convolution run on groups x factor groups: how vmap folds a batch into the channels. */
    ConvParams timesGroups(int factor) {
        return new ConvParams(stride, padding, dilation, groups * factor);
    }

    /** Spatial output size of the convolution along dim d (0 = height, 1 = width) for an input of size in. */
    int outSize(int d, int in, int kernel) {
        return Math.floorDiv(in + 2 * padding[d] - dilation[d] * (kernel - 1) - 1, stride[d]) + 1;
    }

    /**
     * The geometry of conv(x, w) for x [N, C, H, W] and w [O, C/groups, kh, kw], checked: channel counts,
     * group divisibility and a non-empty output.
     */
    Geometry geometry(String op, int[] x, int[] w) {
        if (x.length != 4) throw new IllegalArgumentException(op + ": expects a 4-d input [N, C, H, W], got " + Shapes.str(x));
        if (w.length != 4) throw new IllegalArgumentException(op + ": expects a 4-d weight [O, C/groups, kh, kw], got " + Shapes.str(w));
        if (w[1] * groups != x[1])
            throw new IllegalArgumentException(op + ": input " + Shapes.str(x) + " has " + x[1] + " channels, weight " + Shapes.str(w)
                    + " expects " + w[1] + " x groups(" + groups + ") = " + w[1] * groups);
        if (w[0] % groups != 0)
            throw new IllegalArgumentException(op + ": weight " + Shapes.str(w) + " has " + w[0] + " output channels, not divisible by groups(" + groups + ")");
        int oh = outSize(0, x[2], w[2]), ow = outSize(1, x[3], w[3]);
        if (oh < 1 || ow < 1)
            throw new IllegalArgumentException(op + ": input " + Shapes.str(x) + " is too small for weight " + Shapes.str(w)
                    + " with padding " + Arrays.toString(padding) + " and dilation " + Arrays.toString(dilation)
                    + " (output would be " + oh + " x " + ow + ")");
        return new Geometry(x[0], x[1], x[2], x[3], w[0], w[2], w[3], oh, ow, this);
    }

    /** Sizes of one conv(x, w): input [n, c, h, w], weight [o, c/groups, kh, kw], output [n, o, oh, ow]. */
    record Geometry(int n, int c, int h, int w, int o, int kh, int kw, int oh, int ow, ConvParams p) {
        int groups() { return p.groups; }
        /** Input channels per group. */
        int cg() { return c / p.groups; }
        /** Output channels per group. */
        int og() { return o / p.groups; }
        /** Rows of the im2col matrix of one group: cg * kh * kw (the GEMM's reduction length). */
        int k() { return cg() * kh * kw; }
        /** Output positions per plane: the im2col matrix's columns. */
        int l() { return oh * ow; }
        /** A 1x1 kernel with unit stride and no padding reads the input plane as its own im2col matrix. */
        boolean pointwise() {
            return kh == 1 && kw == 1 && p.stride[0] == 1 && p.stride[1] == 1 && p.padding[0] == 0 && p.padding[1] == 0;
        }
    }

    /** Both operands must share one floating dtype; the kernels do not promote. */
    static void sameFloatingDtype(String op, Tensor a, String aName, Tensor b, String bName) {
        if (!a.dtype().isFloatingPoint())
            throw new IllegalArgumentException(op + ": " + aName + " must be float32 or float64, got " + a.dtype());
        if (a.dtype() != b.dtype())
            throw new IllegalArgumentException(op + ": " + aName + " is " + a.dtype() + " but " + bName + " is " + b.dtype() + "; convert one first");
    }
}
