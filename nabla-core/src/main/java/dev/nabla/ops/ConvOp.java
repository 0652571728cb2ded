package dev.nabla.ops;

import dev.nabla.Dispatch;
import dev.nabla.Tensor;

/**
 * 2-d convolution (cross-correlation, as PyTorch) of x [N, C, H, W] with w [O, C/groups, kh, kw] and an
 * optional bias [O]. Its input gradient is {@link ConvTransposeOp} and its weight gradient
 * {@link ConvWeightGradOp}; the three are each other's adjoints, so derivatives of any order stay exact.
 */
final class ConvOp extends Op {
    final ConvParams p;

    ConvOp(ConvParams p) {
        this.p = p;
    }

    @Override
    public String name() {
        return "conv2d";
    }

    @Override
    public Tensor forward(Tensor[] in) {
        ConvParams.Geometry g = p.geometry(name(), in[0].shape(), in[1].shape());
        return ConvKernels.conv(in[0], in[1], in.length > 2 ? in[2] : null, g);
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor gy, boolean[] needs) {
        Tensor x = in[0], w = in[1];
        Tensor[] grads = new Tensor[in.length];
        if (needs[0]) grads[0] = Dispatch.call(new ConvTransposeOp(p, x.size(2), x.size(3)), gy, w);
        if (needs[1]) grads[1] = Dispatch.call(new ConvWeightGradOp(p, w.size(2), w.size(3)), x, gy);
        if (in.length > 2 && needs[2]) grads[2] = gy.sum(new int[] {0, 2, 3}, false);
        return grads;
    }

    @Override
    public Tensor batch(Tensor[] in, boolean[] batched) {
        boolean onlyInput = true;
        for (int i = 1; i < in.length; i++) onlyInput &= !batched[i];
        if (onlyInput) return ConvBatching.foldIntoImages(this, in);
        int b = dev.nabla.Batching.batchSize(in, batched);
        Tensor[] folded = new Tensor[in.length];
        folded[0] = ConvBatching.intoChannels(in[0], batched[0], b);
        folded[1] = ConvBatching.intoRows(in[1], batched[1], b);
        if (in.length > 2) folded[2] = ConvBatching.intoRows(in[2], batched[2], b);
        return ConvBatching.channelsOut(Dispatch.call(new ConvOp(p.timesGroups(b)), folded), b);
    }
}
