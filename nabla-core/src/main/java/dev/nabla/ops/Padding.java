package dev.nabla.ops;

import dev.nabla.Nabla;
import dev.nabla.Shapes;
import dev.nabla.Tensor;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * PyTorch's F.pad, built from narrow, flip, expand and cat one dim at a time, so the gradient
 * (slices summed back) and vmap come from those ops.
 */
final class Padding {
    private Padding() {}

    /** pad = {left, right} pairs from the last dim backwards; negative amounts crop (constant mode only). */
    static Tensor pad(Tensor x, int[] pad, String mode, double value) {
        if (pad.length % 2 != 0 || pad.length / 2 > x.dim())
            throw new IllegalArgumentException("pad: expects an even number of amounts, at most 2 per dim, got " + Arrays.toString(pad)
                    + " for a tensor of shape " + Shapes.str(x.shape()));
        if (!mode.equals("constant") && !mode.equals("reflect") && !mode.equals("replicate") && !mode.equals("circular"))
            throw new IllegalArgumentException("pad: mode must be \"constant\", \"reflect\", \"replicate\" or \"circular\", got \"" + mode + "\"");
        Tensor r = x;
        for (int p = 0; p < pad.length / 2; p++) {
            int d = x.dim() - 1 - p;
            int left = pad[2 * p], right = pad[2 * p + 1];
            if (left == 0 && right == 0) continue;
            r = mode.equals("constant") ? constant(r, d, left, right, value) : border(r, d, left, right, mode, pad);
        }
        return r;
    }

    private static Tensor constant(Tensor x, int d, int left, int right, double value) {
        int n = x.size(d);
        if (n + left + right < 0 || n + Math.min(left, 0) + Math.min(right, 0) < 0)
            throw new IllegalArgumentException("pad: cropping " + -Math.min(left, 0) + " and " + -Math.min(right, 0)
                    + " from dim " + d + " of size " + n + " leaves nothing");
        Tensor core = x.narrow(d, Math.max(0, -left), n + Math.min(left, 0) + Math.min(right, 0));
        if (left <= 0 && right <= 0) return core;
        Stream<Tensor> parts = Stream.of(filled(core, d, Math.max(0, left), value), core, filled(core, d, Math.max(0, right), value));
        // zero-length pieces add nothing and their slice gradients cannot be copied
        return IndexOps.cat(parts.filter(t -> t.size(d) > 0).toArray(Tensor[]::new), d);
    }

    /** A block of the padding value shaped like t except for length along dim d. */
    private static Tensor filled(Tensor t, int d, int length, double value) {
        return Nabla.scalar(value, t.dtype()).expand(sized(t, d, length));
    }

    /** reflect, replicate and circular read the padding from the input's own border. */
    private static Tensor border(Tensor x, int d, int left, int right, String mode, int[] pad) {
        int n = x.size(d);
        int limit = switch (mode) {
            case "reflect" -> n - 1;
            case "circular" -> n;
            default -> n == 0 ? -1 : Integer.MAX_VALUE;
        };
        if (left < 0 || right < 0 || left > limit || right > limit)
            throw new IllegalArgumentException("pad: " + mode + " padding " + Arrays.toString(pad) + " needs amounts in [0, " + limit
                    + "] for dim " + d + " of size " + n);
        Tensor before = switch (mode) {
            case "reflect" -> x.narrow(d, 1, left).flip(d);
            case "circular" -> x.narrow(d, n - left, left);
            default -> x.narrow(d, 0, 1).expand(sized(x, d, left));
        };
        Tensor after = switch (mode) {
            case "reflect" -> x.narrow(d, n - 1 - right, right).flip(d);
            case "circular" -> x.narrow(d, 0, right);
            default -> x.narrow(d, n - 1, 1).expand(sized(x, d, right));
        };
        return IndexOps.cat(Stream.of(before, x, after).filter(t -> t.size(d) > 0).toArray(Tensor[]::new), d);
    }

    private static int[] sized(Tensor t, int d, int length) {
        int[] s = t.shape();
        s[d] = length;
        return s;
    }
}
