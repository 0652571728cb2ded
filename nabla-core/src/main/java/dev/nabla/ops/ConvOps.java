package dev.nabla.ops;

import dev.nabla.Nabla;
import dev.nabla.Tensor;

/** Convolution and pooling (being filled in; each throws until its kernel lands). */
public final class ConvOps {
    private ConvOps() {}

    private static UnsupportedOperationException pending(String op) {
        return new UnsupportedOperationException(op + " is not implemented yet");
    }

    public static Tensor conv1d(Tensor x, Tensor w, Tensor b, int stride, int padding, int dilation, int groups) { throw pending("conv1d"); }
    public static Tensor conv2d(Tensor x, Tensor w, Tensor b, int[] stride, int[] padding, int[] dilation, int groups) { throw pending("conv2d"); }
    public static Tensor convTranspose2d(Tensor x, Tensor w, Tensor b, int[] stride, int[] padding, int[] outputPadding, int groups, int[] dilation) { throw pending("convTranspose2d"); }
    public static Nabla.ValuesIndices maxPool1d(Tensor x, int kernel, int stride, int padding, int dilation, boolean ceilMode) { throw pending("maxPool1d"); }
    public static Nabla.ValuesIndices maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) { throw pending("maxPool2d"); }
    public static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad) { throw pending("avgPool2d"); }
    public static Tensor adaptiveAvgPool2d(Tensor x, int[] outputSize) { throw pending("adaptiveAvgPool2d"); }
}
