package dev.nabla.ops;

import dev.nabla.Dispatch;
import dev.nabla.Nabla;
import dev.nabla.Shapes;
import dev.nabla.Tensor;
import java.util.Arrays;

/**
 * The pooling entry points behind {@link ConvOps}: argument checks, then the window ops. All pooling
 * runs on the last two dims of any leading shape (so [C, H, W], [N, C, H, W] and vmap batches alike);
 * 1-d pooling is 2-d pooling of x.unsqueeze(-2) with a unit height.
 */
final class PoolOps {
    private PoolOps() {}

    static Nabla.ValuesIndices maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        String op = "max_pool2d";
        input(op, x, 3, 4, "[C, H, W] or [N, C, H, W]");
        pairs(op, kernel, stride, padding, dilation);
        PoolWindows wh = PoolWindows.sliding(op, "height", x.size(-2), kernel[0], stride[0], padding[0], dilation[0], ceilMode);
        PoolWindows ww = PoolWindows.sliding(op, "width", x.size(-1), kernel[1], stride[1], padding[1], dilation[1], ceilMode);
        return maxPool(op, x, wh, ww);
    }

    static Nabla.ValuesIndices maxPool1d(Tensor x, int kernel, int stride, int padding, int dilation, boolean ceilMode) {
        String op = "max_pool1d";
        input(op, x, 2, 3, "[C, L] or [N, C, L]");
        PoolWindows ww = PoolWindows.sliding(op, "length", x.size(-1), kernel, stride, padding, dilation, ceilMode);
        Nabla.ValuesIndices r = maxPool(op, x.unsqueeze(-2), PoolWindows.unit(), ww);
        return new Nabla.ValuesIndices(r.values().squeeze(-2), r.indices().squeeze(-2));
    }

    static Nabla.ValuesIndices adaptiveMaxPool2d(Tensor x, int[] outputSize) {
        String op = "adaptive_max_pool2d";
        input(op, x, 3, 4, "[C, H, W] or [N, C, H, W]");
        size(op, outputSize);
        return maxPool(op, x, PoolWindows.adaptive(op, "height", x.size(-2), outputSize[0]),
                PoolWindows.adaptive(op, "width", x.size(-1), outputSize[1]));
    }

    /** Indices first (not differentiable), then the values gathered at them (differentiable in x). */
    private static Nabla.ValuesIndices maxPool(String op, Tensor x, PoolWindows wh, PoolWindows ww) {
        floating(op, x);
        Tensor idx = Dispatch.call(new MaxPoolIndicesOp(op, wh, ww), x);
        return new Nabla.ValuesIndices(Dispatch.call(PlaneGatherOp.INSTANCE, x, idx), idx);
    }

    static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad, int divisorOverride) {
        String op = "avg_pool2d";
        input(op, x, 3, 4, "[C, H, W] or [N, C, H, W]");
        pairs(op, kernel, stride, padding, new int[] {1, 1});
        PoolWindows wh = PoolWindows.sliding(op, "height", x.size(-2), kernel[0], stride[0], padding[0], 1, ceilMode);
        PoolWindows ww = PoolWindows.sliding(op, "width", x.size(-1), kernel[1], stride[1], padding[1], 1, ceilMode);
        return avgPool(op, x, wh, ww, countIncludePad, divisorOverride);
    }

    static Tensor avgPool1d(Tensor x, int kernel, int stride, int padding, boolean ceilMode, boolean countIncludePad) {
        String op = "avg_pool1d";
        input(op, x, 2, 3, "[C, L] or [N, C, L]");
        PoolWindows ww = PoolWindows.sliding(op, "length", x.size(-1), kernel, stride, padding, 1, ceilMode);
        return avgPool(op, x.unsqueeze(-2), PoolWindows.unit(), ww, countIncludePad, 0).squeeze(-2);
    }

    static Tensor adaptiveAvgPool2d(Tensor x, int[] outputSize) {
        String op = "adaptive_avg_pool2d";
        input(op, x, 3, 4, "[C, H, W] or [N, C, H, W]");
        size(op, outputSize);
        return avgPool(op, x, PoolWindows.adaptive(op, "height", x.size(-2), outputSize[0]),
                PoolWindows.adaptive(op, "width", x.size(-1), outputSize[1]), true, 0);
    }

    private static Tensor avgPool(String op, Tensor x, PoolWindows wh, PoolWindows ww, boolean countIncludePad, int divisorOverride) {
        floating(op, x);
        if (divisorOverride < 0) throw new IllegalArgumentException(op + ": divisorOverride must be positive (or 0 for none), got " + divisorOverride);
        return Dispatch.call(new AvgPoolOp(op, wh, ww, countIncludePad, divisorOverride, false), x);
    }

    private static void input(String op, Tensor x, int minRank, int maxRank, String expected) {
        if (x.dim() < minRank || x.dim() > maxRank)
            throw new IllegalArgumentException(op + ": expects input " + expected + ", got " + Shapes.str(x.shape()));
    }

    private static void floating(String op, Tensor x) {
        if (!x.dtype().isFloatingPoint()) throw new IllegalArgumentException(op + ": input must be float32 or float64, got " + x.dtype());
    }

    private static void pairs(String op, int[]... args) {
        String[] names = {"kernel", "stride", "padding", "dilation"};
        for (int i = 0; i < args.length; i++)
            if (args[i] == null || args[i].length != 2)
                throw new IllegalArgumentException(op + ": " + names[i] + " needs 2 values, got " + (args[i] == null ? "null" : Arrays.toString(args[i])));
    }

    private static void size(String op, int[] outputSize) {
        if (outputSize == null || outputSize.length != 2)
            throw new IllegalArgumentException(op + ": outputSize needs 2 values, got " + (outputSize == null ? "null" : Arrays.toString(outputSize)));
    }
}
