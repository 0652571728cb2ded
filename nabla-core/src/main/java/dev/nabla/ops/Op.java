package dev.nabla.ops;

import dev.nabla.Batching;
import dev.nabla.Tensor;

/**
 * A primitive op, defined once: its forward kernel, its backward rule (vector-Jacobian product) and
 * its batching rule for vmap. An instance carries the op's parameters (dims, strides, ...), so the
 * tape can replay the backward rule with them. Every op has exactly one output; ops with auxiliary
 * integer results (indices) compute them with separate non-differentiable ops.
 */
public abstract class Op {
    /** The op's name as errors and grad_fn show it, e.g. "matmul". */
    public abstract String name();

    /** Computes the result from dense inputs. Never records on the tape (the dispatcher does). */
    public abstract Tensor forward(Tensor[] inputs);

    /**
     * The gradient with respect to each input whose {@code needsGrad} is set, given the output and the
     * gradient of the output. Written with Tensor ops so that it can itself be differentiated.
     */
    public Tensor[] backward(Tensor[] inputs, Tensor output, Tensor gradOutput, boolean[] needsGrad) {
        throw new UnsupportedOperationException(name() + " has no backward rule");
    }

    public boolean isDifferentiable() {
        return true;
    }

    /** Whether the backward rule reads the inputs' values (then in-place writes to them are refused). */
    public boolean backwardUsesInputs() {
        return true;
    }

    /** Whether the backward rule reads the output's value. */
    public boolean backwardUsesOutput() {
        return false;
    }

    /**
     * The vmap rule: inputs whose {@code batched} flag is set carry the batch at dim 0; returns the
     * batched result with the batch at dim 0. The default runs the op per example and stacks.
     */
    public Tensor batch(Tensor[] inputs, boolean[] batched) {
        return Batching.loop(this, inputs, batched);
    }

    @Override
    public String toString() {
        return name();
    }
}
