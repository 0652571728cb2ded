package dev.nabla.nn;

import dev.nabla.Tensor;
import java.util.Arrays;

/** Argument checks and the printed form shared by the convolution layers. */
final class ConvChecks {
    private ConvChecks() {}

    static void channels(String layer, int in, int out, int groups) {
        if (in <= 0 || out <= 0) throw new IllegalArgumentException(layer + ": channel counts must be positive, got in=" + in + " out=" + out);
        if (in % groups != 0 || out % groups != 0)
            throw new IllegalArgumentException(layer + ": in_channels " + in + " and out_channels " + out + " must both be divisible by groups " + groups);
    }

    /** A 2-element (h, w) copy of values, each at least min. */
    static int[] pair(String layer, String what, int[] values, int min) {
        if (values == null || values.length != 2)
            throw new IllegalArgumentException(layer + ": " + what + " needs 2 values (h, w), got " + Arrays.toString(values));
        if (values[0] < min || values[1] < min)
            throw new IllegalArgumentException(layer + ": " + what + " must be >= " + min + ", got " + Arrays.toString(values));
        return values.clone();
    }

    /** Input must be [N, C, spatial...] or [C, spatial...] with the expected channel count. */
    static void input(String layer, Tensor x, int spatialDims, int channels) {
        int d = x.dim();
        if (d != spatialDims + 1 && d != spatialDims + 2)
            throw new IllegalArgumentException(layer + ": expected a " + (spatialDims + 2) + "-D (batched) or " + (spatialDims + 1)
                    + "-D (unbatched) input, got shape " + Arrays.toString(x.shape()));
        int c = x.size(d - spatialDims - 1);
        if (c != channels)
            throw new IllegalArgumentException(layer + ": input of shape " + Arrays.toString(x.shape()) + " has " + c
                    + " channels, the layer expects " + channels);
    }

    /** PyTorch's extra_repr for convolutions: non-default settings only. */
    static String repr(int in, int out, int[] kernel, int[] stride, int[] padding, int[] dilation, int[] outputPadding,
                       int groups, boolean bias, String paddingMode) {
        StringBuilder sb = new StringBuilder(in + ", " + out + ", kernel_size=" + Module.py(kernel) + ", stride=" + Module.py(stride));
        if (Arrays.stream(padding).anyMatch(p -> p != 0)) sb.append(", padding=").append(Module.py(padding));
        if (Arrays.stream(dilation).anyMatch(p -> p != 1)) sb.append(", dilation=").append(Module.py(dilation));
        if (outputPadding != null && Arrays.stream(outputPadding).anyMatch(p -> p != 0)) sb.append(", output_padding=").append(Module.py(outputPadding));
        if (groups != 1) sb.append(", groups=").append(groups);
        if (!bias) sb.append(", bias=False");
        if (!paddingMode.equals("zeros")) sb.append(", padding_mode=").append(paddingMode);
        return sb.toString();
    }
}
