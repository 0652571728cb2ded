package dev.nabla.ops;

import dev.nabla.Dispatch;
import dev.nabla.Tensor;

/**
 * vmap rules of the convolution ops. A batched image with a shared weight folds the vmap batch into N.
 * A batched weight instead folds the batch into the groups: example b becomes groups b*g .. b*g+g-1 of
 * one convolution over [N, B*C, H, W] with weight [B*O, C/g, kh, kw], which is exact because groups
 * never mix channels.
 */
final class ConvBatching {
    private ConvBatching() {}

    /** Runs op with input 0 of shape [B, N, ...] as [B*N, ...] (all other inputs unbatched). */
    static Tensor foldIntoImages(Op op, Tensor[] in) {
        Tensor x = in[0];
        int[] s = x.shape();
        Tensor[] args = in.clone();
        args[0] = x.reshape(s[0] * s[1], s[2], s[3], s[4]);
        Tensor out = Dispatch.call(op, args);
        return out.reshape(s[0], s[1], out.size(1), out.size(2), out.size(3));
    }

    /** [B, N, C, H, W] (or an unbatched [N, C, H, W], shared by all B) as [N, B*C, H, W]. */
    static Tensor intoChannels(Tensor t, boolean batched, int b) {
        if (!batched) t = t.unsqueeze(0).expand(b, t.size(0), t.size(1), t.size(2), t.size(3));
        return t.movedim(0, 1).reshape(t.size(1), b * t.size(2), t.size(3), t.size(4));
    }

    /** [B, O, ...] (or an unbatched [O, ...]) as [B*O, ...]: weights and biases. */
    static Tensor intoRows(Tensor t, boolean batched, int b) {
        if (!batched) {
            int[] s = t.shape();
            int[] e = new int[s.length + 1];
            e[0] = b;
            System.arraycopy(s, 0, e, 1, s.length);
            t = t.unsqueeze(0).expand(e);
        }
        int[] s = t.shape();
        int[] r = new int[s.length - 1];
        System.arraycopy(s, 2, r, 1, s.length - 2);
        r[0] = s[0] * s[1];
        return t.reshape(r);
    }

    /** [N, B*O, oh, ow] back to [B, N, O, oh, ow]. */
    static Tensor channelsOut(Tensor out, int b) {
        int[] s = out.shape();
        return out.reshape(s[0], b, s[1] / b, s[2], s[3]).movedim(1, 0);
    }
}
