package dev.nabla.nn;

import dev.nabla.Functional;
import dev.nabla.Tensor;

/** The convolution padding modes besides zeros, done as an explicit pad before an unpadded convolution. */
final class PaddingModes {
    private PaddingModes() {}

    static void check(String layer, String mode) {
        if (!"zeros".equals(mode) && !"reflect".equals(mode))
            throw new IllegalArgumentException(layer + ": paddingMode must be \"zeros\" or \"reflect\", got \"" + mode + "\"");
    }

    /** Pads the trailing spatial dims; padding lists them first to last, as the layers do. */
    static Tensor pad(Tensor x, String mode, int... padding) {
        int[] pad = new int[2 * padding.length];
        for (int i = 0; i < padding.length; i++) {
            int p = padding[padding.length - 1 - i]; // F.pad lists the last dim first
            pad[2 * i] = p;
            pad[2 * i + 1] = p;
        }
        return Functional.pad(x, pad, mode.equals("zeros") ? "constant" : mode, 0);
    }
}
