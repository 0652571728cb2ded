package dev.nabla;

import dev.nabla.ops.ConvOps;
import dev.nabla.ops.IndexOps;

/**
 * PyTorch's {@code torch.nn.functional}: convolution, pooling, padding, embedding, dropout, linear.
 * {@code import static dev.nabla.Functional.*;}
 */
public final class Functional {
    private Functional() {}

    /** x @ weight^T + bias (bias may be null), the Linear layer's computation. */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        Tensor y = x.matmul(weight.t());
        return bias == null ? y : y.add(bias);
    }

    // ------------------------------------------------------------------ convolution and pooling

    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return ConvOps.conv1d(x, weight, bias, stride, padding, dilation, groups);
    }

    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation, int groups) {
        return ConvOps.conv2d(x, weight, bias, stride, padding, dilation, groups);
    }

    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias) {
        return conv2d(x, weight, bias, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}, 1);
    }

    public static Tensor convTranspose2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                         int[] outputPadding, int groups, int[] dilation) {
        return ConvOps.convTranspose2d(x, weight, bias, stride, padding, outputPadding, groups, dilation);
    }

    public static Tensor maxPool1d(Tensor x, int kernel, int stride, int padding, int dilation, boolean ceilMode) {
        return ConvOps.maxPool1d(x, kernel, stride, padding, dilation, ceilMode).values();
    }

    public static Nabla.ValuesIndices maxPool1dWithIndices(Tensor x, int kernel, int stride, int padding, int dilation, boolean ceilMode) {
        return ConvOps.maxPool1d(x, kernel, stride, padding, dilation, ceilMode);
    }

    public static Tensor maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        return ConvOps.maxPool2d(x, kernel, stride, padding, dilation, ceilMode).values();
    }

    public static Tensor maxPool2d(Tensor x, int kernel) {
        return maxPool2d(x, new int[] {kernel, kernel}, new int[] {kernel, kernel}, new int[] {0, 0}, new int[] {1, 1}, false);
    }

    public static Nabla.ValuesIndices maxPool2dWithIndices(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        return ConvOps.maxPool2d(x, kernel, stride, padding, dilation, ceilMode);
    }

    public static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad) {
        return ConvOps.avgPool2d(x, kernel, stride, padding, ceilMode, countIncludePad);
    }

    public static Tensor adaptiveAvgPool2d(Tensor x, int[] outputSize) {
        return ConvOps.adaptiveAvgPool2d(x, outputSize);
    }

    public static Tensor convTranspose1d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int outputPadding, int groups, int dilation) {
        return ConvOps.convTranspose1d(x, weight, bias, stride, padding, outputPadding, groups, dilation);
    }

    public static Tensor avgPool1d(Tensor x, int kernel, int stride, int padding, boolean ceilMode, boolean countIncludePad) {
        return ConvOps.avgPool1d(x, kernel, stride, padding, ceilMode, countIncludePad);
    }

    /** avg_pool2d with PyTorch's divisor_override: every window sum is divided by divisorOverride. */
    public static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad,
                                   int divisorOverride) {
        return ConvOps.avgPool2d(x, kernel, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    public static Tensor adaptiveMaxPool2d(Tensor x, int[] outputSize) {
        return ConvOps.adaptiveMaxPool2d(x, outputSize).values();
    }

    public static Nabla.ValuesIndices adaptiveMaxPool2dWithIndices(Tensor x, int[] outputSize) {
        return ConvOps.adaptiveMaxPool2d(x, outputSize);
    }

    // ------------------------------------------------------------------ padding, embedding, dropout

    /** Pads the last dims: pad = {left, right} per dim from the last backwards; mode "constant" or "reflect". */
    public static Tensor pad(Tensor x, int[] pad, String mode, double value) {
        return IndexOps.pad(x, pad, mode, value);
    }

    public static Tensor pad(Tensor x, int... pad) {
        return pad(x, pad, "constant", 0);
    }

    /** Rows of weight picked by integer indices; the row paddingIdx (or -1 for none) gets no gradient. */
    public static Tensor embedding(Tensor indices, Tensor weight, int paddingIdx) {
        return IndexOps.embedding(indices, weight, paddingIdx);
    }

    public static Tensor embedding(Tensor indices, Tensor weight) {
        return embedding(indices, weight, -1);
    }

    /** Zeroes each element with probability p and scales the rest by 1/(1-p) when training. */
    public static Tensor dropout(Tensor x, double p, boolean training, Generator generator) {
        return IndexOps.dropout(x, p, training, generator);
    }

    public static Tensor dropout(Tensor x, double p, boolean training) {
        return dropout(x, p, training, Nabla.defaultGenerator());
    }
}
