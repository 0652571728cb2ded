package dev.nabla.ops;

import dev.nabla.Dispatch;
import dev.nabla.Tensor;

/** Reverses the order of elements along some dims. Its own adjoint. */
final class FlipOp extends Op {
    private final boolean[] flipped;

    FlipOp(boolean[] flipped) {
        this.flipped = flipped;
    }

    @Override
    public String name() {
        return "flip";
    }

    @Override
    public Tensor forward(Tensor[] in) {
        // a view with negated strides, starting at the last element of each flipped dim, then a dense copy
        Tensor x = in[0];
        int[] shape = x.shape(), st = x.stride();
        int off = x.offset();
        for (int d = 0; d < shape.length; d++) {
            if (!flipped[d] || shape[d] == 0) continue;
            off += (shape[d] - 1) * st[d];
            st[d] = -st[d];
        }
        return Conversions.convert(Tensor.view(x.storage(), shape, st, off), x.dtype());
    }

    @Override
    public boolean backwardUsesInputs() {
        return false;
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) {
        return new Tensor[] {Dispatch.call(this, g)};
    }

    @Override
    public Tensor batch(Tensor[] in, boolean[] batched) {
        boolean[] f = new boolean[flipped.length + 1];
        System.arraycopy(flipped, 0, f, 1, flipped.length);
        return Dispatch.call(new FlipOp(f), in[0]);
    }
}
