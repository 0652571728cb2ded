package dev.nabla.ops;

import dev.nabla.Dispatch;
import dev.nabla.Tensor;

/** Applies a {@link UnaryFn} with its parameters; unary ops batch trivially (the batch is one more dim). */
final class UnaryOp extends Op {
    private final UnaryFn fn;
    private final double a, b;

    UnaryOp(UnaryFn fn, double a, double b) {
        this.fn = fn;
        this.a = a;
        this.b = b;
    }

    @Override
    public String name() {
        return fn.opName();
    }

    @Override
    public Tensor forward(Tensor[] in) {
        return Elementwise.unary(fn, in[0], a, b);
    }

    @Override
    public boolean isDifferentiable() {
        return fn.differentiable();
    }

    @Override
    public boolean backwardUsesInputs() {
        return !fn.derivativeUsesOutput();
    }

    @Override
    public boolean backwardUsesOutput() {
        return fn.derivativeUsesOutput();
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) {
        return new Tensor[] {fn.derivative(in[0], out, g, a, b)};
    }

    @Override
    public Tensor batch(Tensor[] in, boolean[] batched) {
        return Dispatch.call(this, in[0]);
    }
}
