package dev.nabla.ops;

import dev.nabla.Dispatch;
import dev.nabla.Nabla;
import dev.nabla.Shapes;
import dev.nabla.Tensor;

/**
 * Convolution and pooling entry points: user-facing argument checks (with the caller's own shapes in
 * the messages), then the primitive ops. Inputs are batched [N, C, ...] or unbatched [C, ...] as in
 * PyTorch; 1-d convolutions run as 2-d ones over a unit height.
 */
public final class ConvOps {
    private ConvOps() {}

    // ------------------------------------------------------------------ convolution

    public static Tensor conv1d(Tensor x, Tensor w, Tensor b, int stride, int padding, int dilation, int groups) {
        String op = "conv1d";
        checkConv(op, x, w, b, new int[] {stride}, new int[] {padding}, new int[] {dilation}, groups);
        boolean unbatched = x.dim() == 2;
        Tensor x4 = (unbatched ? x.unsqueeze(0) : x).unsqueeze(2);
        Tensor out = conv(x4, w.unsqueeze(2), b, ConvParams.of(op, new int[] {1, stride}, new int[] {0, padding}, new int[] {1, dilation}, groups));
        out = out.squeeze(2);
        return unbatched ? out.squeeze(0) : out;
    }

    public static Tensor conv2d(Tensor x, Tensor w, Tensor b, int[] stride, int[] padding, int[] dilation, int groups) {
        String op = "conv2d";
        ConvParams p = ConvParams.of(op, stride, padding, dilation, groups);
        checkConv(op, x, w, b, stride, padding, dilation, groups);
        boolean unbatched = x.dim() == 3;
        Tensor out = conv(unbatched ? x.unsqueeze(0) : x, w, b, p);
        return unbatched ? out.squeeze(0) : out;
    }

    private static Tensor conv(Tensor x, Tensor w, Tensor b, ConvParams p) {
        return b == null ? Dispatch.call(new ConvOp(p), x, w) : Dispatch.call(new ConvOp(p), x, w, b);
    }

    /** weight [C_in, C_out/groups, kh, kw]; output size (in-1)*stride - 2*padding + dilation*(k-1) + outputPadding + 1. */
    public static Tensor convTranspose2d(Tensor x, Tensor w, Tensor b, int[] stride, int[] padding, int[] outputPadding, int groups, int[] dilation) {
        String op = "conv_transpose2d";
        ConvParams p = ConvParams.of(op, stride, padding, dilation, groups);
        if (outputPadding == null || outputPadding.length != 2)
            throw new IllegalArgumentException(op + ": outputPadding needs 2 values, got " + (outputPadding == null ? "null" : java.util.Arrays.toString(outputPadding)));
        int[] size = checkConvTranspose(op, x, w, b, stride, padding, outputPadding, dilation, groups);
        boolean unbatched = x.dim() == 3;
        Tensor out = Dispatch.call(new ConvTransposeOp(p, size[0], size[1]), unbatched ? x.unsqueeze(0) : x, w);
        if (b != null) out = out.add(b.reshape(1, b.numel(), 1, 1));
        return unbatched ? out.squeeze(0) : out;
    }

    public static Tensor convTranspose1d(Tensor x, Tensor w, Tensor b, int stride, int padding, int outputPadding, int groups, int dilation) {
        String op = "conv_transpose1d";
        ConvParams p = ConvParams.of(op, new int[] {1, stride}, new int[] {0, padding}, new int[] {1, dilation}, groups);
        int[] size = checkConvTranspose(op, x, w, b, new int[] {stride}, new int[] {padding}, new int[] {outputPadding}, new int[] {dilation}, groups);
        boolean unbatched = x.dim() == 2;
        Tensor x4 = (unbatched ? x.unsqueeze(0) : x).unsqueeze(2);
        Tensor out = Dispatch.call(new ConvTransposeOp(p, 1, size[0]), x4, w.unsqueeze(2)).squeeze(2);
        if (b != null) out = out.add(b.reshape(1, b.numel(), 1));
        return unbatched ? out.squeeze(0) : out;
    }

    /** Checks conv(x, w, b) with k spatial dims; messages show the caller's shapes. */
    private static void checkConv(String op, Tensor x, Tensor w, Tensor b, int[] stride, int[] padding, int[] dilation, int groups) {
        int k = stride.length;
        checkParams(op, stride, padding, dilation, groups, k);
        int[] xs = x.shape(), ws = w.shape();
        checkRanks(op, xs, ws, k, "[O, C/groups, k...]");
        ConvParams.sameFloatingDtype(op, x, "input", w, "weight");
        int c = xs[xs.length - k - 1];
        if (ws[1] * groups != c)
            throw new IllegalArgumentException(op + ": input " + Shapes.str(xs) + " has " + c + " channels, weight " + Shapes.str(ws)
                    + " expects " + ws[1] + " x groups(" + groups + ") = " + ws[1] * groups);
        if (ws[0] % groups != 0)
            throw new IllegalArgumentException(op + ": weight " + Shapes.str(ws) + " has " + ws[0] + " output channels, not divisible by groups(" + groups + ")");
        checkBias(op, x, b, ws[0]);
        for (int d = 0; d < k; d++) {
            int in = xs[xs.length - k + d], kernel = ws[2 + d];
            int out = Math.floorDiv(in + 2 * padding[d] - dilation[d] * (kernel - 1) - 1, stride[d]) + 1;
            if (out < 1)
                throw new IllegalArgumentException(op + ": input " + Shapes.str(xs) + " is too small for weight " + Shapes.str(ws)
                        + " in spatial dim " + d + " (size " + in + ", padding " + padding[d] + ", dilation " + dilation[d] + ": output size would be " + out + ")");
        }
    }

    /** Checks conv_transpose(x, w, b) and returns its spatial output size. */
    private static int[] checkConvTranspose(String op, Tensor x, Tensor w, Tensor b, int[] stride, int[] padding, int[] outputPadding,
                                            int[] dilation, int groups) {
        int k = stride.length;
        checkParams(op, stride, padding, dilation, groups, k);
        int[] xs = x.shape(), ws = w.shape();
        checkRanks(op, xs, ws, k, "[C_in, C_out/groups, k...]");
        ConvParams.sameFloatingDtype(op, x, "input", w, "weight");
        int c = xs[xs.length - k - 1];
        if (ws[0] != c)
            throw new IllegalArgumentException(op + ": input " + Shapes.str(xs) + " has " + c + " channels, weight " + Shapes.str(ws) + " expects " + ws[0]);
        if (ws[0] % groups != 0)
            throw new IllegalArgumentException(op + ": weight " + Shapes.str(ws) + " has " + ws[0] + " input channels, not divisible by groups(" + groups + ")");
        checkBias(op, x, b, ws[1] * groups);
        int[] size = new int[k];
        for (int d = 0; d < k; d++) {
            // The op is the adjoint of a convolution whose output is x; an output padding of stride or more
            // would need output rows that convolution does not have (PyTorch allows it below the dilation).
            if (outputPadding[d] < 0 || outputPadding[d] >= stride[d])
                throw new IllegalArgumentException(op + ": outputPadding " + java.util.Arrays.toString(outputPadding)
                        + " must be non-negative and smaller than the stride " + java.util.Arrays.toString(stride));
            int in = xs[xs.length - k + d];
            size[d] = (in - 1) * stride[d] - 2 * padding[d] + dilation[d] * (ws[2 + d] - 1) + outputPadding[d] + 1;
            if (size[d] < 1)
                throw new IllegalArgumentException(op + ": input " + Shapes.str(xs) + " with weight " + Shapes.str(ws) + " gives output size "
                        + size[d] + " in spatial dim " + d + " (padding " + padding[d] + " is too large)");
        }
        return size;
    }

    private static void checkParams(String op, int[] stride, int[] padding, int[] dilation, int groups, int k) {
        for (int d = 0; d < k; d++) {
            if (stride[d] < 1 || dilation[d] < 1 || padding[d] < 0)
                throw new IllegalArgumentException(op + ": stride " + java.util.Arrays.toString(stride) + " and dilation "
                        + java.util.Arrays.toString(dilation) + " must be positive and padding " + java.util.Arrays.toString(padding) + " non-negative");
        }
        if (groups < 1) throw new IllegalArgumentException(op + ": groups must be positive, got " + groups);
    }

    private static void checkRanks(String op, int[] xs, int[] ws, int k, String weightLayout) {
        String sp = k == 1 ? "L" : "H, W";
        if (xs.length != k + 1 && xs.length != k + 2)
            throw new IllegalArgumentException(op + ": expects input [C, " + sp + "] or [N, C, " + sp + "], got " + Shapes.str(xs));
        if (ws.length != k + 2)
            throw new IllegalArgumentException(op + ": expects a " + (k + 2) + "-d weight " + weightLayout + ", got " + Shapes.str(ws));
    }

    private static void checkBias(String op, Tensor x, Tensor b, int channels) {
        if (b == null) return;
        if (b.dim() != 1 || b.size(0) != channels)
            throw new IllegalArgumentException(op + ": bias " + Shapes.str(b.shape()) + " must have shape [" + channels + "]");
        if (b.dtype() != x.dtype())
            throw new IllegalArgumentException(op + ": bias is " + b.dtype() + " but input is " + x.dtype() + "; convert one first");
    }

    // ------------------------------------------------------------------ pooling

    public static Nabla.ValuesIndices maxPool1d(Tensor x, int kernel, int stride, int padding, int dilation, boolean ceilMode) {
        return PoolOps.maxPool1d(x, kernel, stride, padding, dilation, ceilMode);
    }

    public static Nabla.ValuesIndices maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        return PoolOps.maxPool2d(x, kernel, stride, padding, dilation, ceilMode);
    }

    public static Tensor avgPool1d(Tensor x, int kernel, int stride, int padding, boolean ceilMode, boolean countIncludePad) {
        return PoolOps.avgPool1d(x, kernel, stride, padding, ceilMode, countIncludePad);
    }

    public static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad) {
        return PoolOps.avgPool2d(x, kernel, stride, padding, ceilMode, countIncludePad, 0);
    }

    /** avg_pool2d dividing every window by divisorOverride instead of its size. */
    public static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad, int divisorOverride) {
        if (divisorOverride < 1) throw new IllegalArgumentException("avg_pool2d: divisorOverride must be positive, got " + divisorOverride);
        return PoolOps.avgPool2d(x, kernel, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    public static Tensor adaptiveAvgPool2d(Tensor x, int[] outputSize) {
        return PoolOps.adaptiveAvgPool2d(x, outputSize);
    }

    public static Nabla.ValuesIndices adaptiveMaxPool2d(Tensor x, int[] outputSize) {
        return PoolOps.adaptiveMaxPool2d(x, outputSize);
    }
}
