package dev.nabla.ops;

import dev.nabla.Dispatch;
import dev.nabla.Tensor;

/**
 * The input gradient of {@link ConvOp}, i.e. the transposed convolution: y [N, O, oh, ow] and the
 * convolution's weight w [O, C/groups, kh, kw] give [N, C, H, W], where (H, W) is the size of the
 * convolution input (fixed here, because several input sizes convolve to the same output size).
 */
final class ConvTransposeOp extends Op {
    final ConvParams p;
    final int h, w;

    ConvTransposeOp(ConvParams p, int h, int w) {
        this.p = p;
        this.h = h;
        this.w = w;
    }

    @Override
    public String name() {
        return "conv_transpose2d";
    }

    /** The geometry of the convolution this op is the adjoint of, checked against y's spatial size. */
    private ConvParams.Geometry geometry(int[] y, int[] wt) {
        ConvParams.Geometry g = p.geometry(name(), new int[] {y[0], wt[1] * p.groups(), h, w}, wt);
        if (y[1] != wt[0] || g.oh() != y[2] || g.ow() != y[3])
            throw new IllegalArgumentException(name() + ": input " + dev.nabla.Shapes.str(y) + " does not match weight "
                    + dev.nabla.Shapes.str(wt) + " and output size " + h + " x " + w + " (expected " + wt[0] + " channels of "
                    + g.oh() + " x " + g.ow() + ")");
        return g;
    }

    @Override
    public Tensor forward(Tensor[] in) {
        return ConvKernels.inputGrad(in[0], in[1], geometry(in[0].shape(), in[1].shape()));
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor gz, boolean[] needs) {
        Tensor y = in[0], wt = in[1];
        return new Tensor[] {
            needs[0] ? Dispatch.call(new ConvOp(p), gz, wt) : null,
            needs[1] ? Dispatch.call(new ConvWeightGradOp(p, wt.size(2), wt.size(3)), gz, y) : null
        };
    }

    @Override
    public Tensor batch(Tensor[] in, boolean[] batched) {
        if (!batched[1]) return ConvBatching.foldIntoImages(this, in);
        int b = dev.nabla.Batching.batchSize(in, batched);
        Tensor y = ConvBatching.intoChannels(in[0], batched[0], b), wt = ConvBatching.intoRows(in[1], true, b);
        return ConvBatching.channelsOut(Dispatch.call(new ConvTransposeOp(p.timesGroups(b), h, w), y, wt), b);
    }
}
