package dev.nabla.ops;

import dev.nabla.Dispatch;
import dev.nabla.Tensor;

/**
 * The weight gradient of {@link ConvOp}: x [N, C, H, W] and the output gradient gy [N, O, oh, ow] give
 * [O, C/groups, kh, kw]. It is bilinear, and <gw, this(x, gy)> = <conv(x, gw), gy>, which gives its own
 * gradients as a transposed convolution (in x) and a convolution (in gy).
 */
final class ConvWeightGradOp extends Op {
    final ConvParams p;
    final int kh, kw;

    ConvWeightGradOp(ConvParams p, int kh, int kw) {
        this.p = p;
        this.kh = kh;
        this.kw = kw;
    }

    @Override
    public String name() {
        return "conv2d_weight_grad";
    }

    @Override
    public Tensor forward(Tensor[] in) {
        int[] x = in[0].shape(), gy = in[1].shape();
        int o = gy.length == 4 ? gy[1] : -1;
        ConvParams.Geometry g = p.geometry(name(), x, new int[] {o, x.length == 4 ? x[1] / p.groups() : -1, kh, kw});
        if (gy[0] != g.n() || g.oh() != gy[2] || g.ow() != gy[3])
            throw new IllegalArgumentException(name() + ": output gradient " + dev.nabla.Shapes.str(gy) + " does not match input "
                    + dev.nabla.Shapes.str(x) + " (expected " + g.n() + " x " + o + " x " + g.oh() + " x " + g.ow() + ")");
        return ConvKernels.weightGrad(in[0], in[1], g);
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor gw, boolean[] needs) {
        Tensor x = in[0], gy = in[1];
        return new Tensor[] {
            needs[0] ? Dispatch.call(new ConvTransposeOp(p, x.size(2), x.size(3)), gy, gw) : null,
            needs[1] ? Dispatch.call(new ConvOp(p), x, gw) : null
        };
    }

    @Override
    public Tensor batch(Tensor[] in, boolean[] batched) {
        // Per-example weight gradients (vmap of grad): each example becomes its own group of one wide conv.
        int b = dev.nabla.Batching.batchSize(in, batched);
        Tensor x = ConvBatching.intoChannels(in[0], batched[0], b), gy = ConvBatching.intoChannels(in[1], batched[1], b);
        Tensor dw = Dispatch.call(new ConvWeightGradOp(p.timesGroups(b), kh, kw), x, gy);
        return dw.reshape(b, dw.size(0) / b, dw.size(1), kh, kw);
    }
}
