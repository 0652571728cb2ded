package dev.nabla.ops;

import dev.nabla.Batching;
import dev.nabla.Dispatch;
import dev.nabla.Tensor;

/** Applies a {@link BinaryFn} with NumPy broadcasting. */
final class BinaryOp extends Op {
    private final BinaryFn fn;

    BinaryOp(BinaryFn fn) {
        this.fn = fn;
    }

    @Override
    public String name() {
        return fn.opName();
    }

    @Override
    public Tensor forward(Tensor[] in) {
        return Elementwise.binary(fn, in[0], in[1]);
    }

    @Override
    public boolean isDifferentiable() {
        return fn.differentiable();
    }

    @Override
    public boolean backwardUsesInputs() {
        return fn != BinaryFn.ADD && fn != BinaryFn.SUB;
    }

    @Override
    public boolean backwardUsesOutput() {
        return fn == BinaryFn.POW;
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) {
        Tensor a = in[0], b = in[1];
        return new Tensor[] {
            needs[0] ? ReduceOps.sumToShape(fn.da(a, b, out, g), a.shape()) : null,
            needs[1] ? ReduceOps.sumToShape(fn.db(a, b, out, g), b.shape()) : null
        };
    }

    @Override
    public Tensor batch(Tensor[] in, boolean[] batched) {
        Tensor[] aligned = Batching.alignForBroadcast(in, batched);
        return Dispatch.call(this, aligned[0], aligned[1]);
    }
}
