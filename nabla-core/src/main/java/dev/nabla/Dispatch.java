package dev.nabla;

import dev.nabla.ops.Op;

/**
 * The single entry through which every primitive op runs. It picks the interpreter: the batching
 * rule when an input is a vmap tracer, the kernel otherwise; then records the op on the autograd
 * tape when gradients are wanted. Ops themselves never know which interpreter called them.
 */
public final class Dispatch {
    private Dispatch() {}

    public static Tensor call(Op op, Tensor... inputs) {
        int level = 0;
        boolean anyRequiresGrad = false;
        for (Tensor t : inputs) {
            if (t.batchLevel() > level) level = t.batchLevel();
            anyRequiresGrad |= t.requiresGrad;
        }
        if (!anyRequiresGrad || !op.isDifferentiable() || !GradMode.isEnabled())
            return level > 0 ? Batching.apply(op, inputs, level) : op.forward(inputs);
        // Under vmap the tape is kept at the level whose values need gradients: tracers of this level
        // (vmap of grad) or the batched values inside them, recorded by the rule's own ops (grad of vmap).
        if (level > 0 && !tracerRequiresGrad(inputs, level)) return Batching.apply(op, inputs, level);

        Tensor out;
        try (GradMode.Scope ignored = GradMode.set(false)) {
            out = level > 0 ? Batching.apply(op, inputs, level) : op.forward(inputs);
        }
        if (out.requiresGrad || out.gradFn != null || out.batchLevel() == 0 && aliasesInput(out, inputs)) {
            out = out.detach(); // a view op may hand back an input object; the tape needs a node of its own
        }
        out.gradFn = new Node(op, inputs.clone(), out);
        out.requiresGrad = true;
        return out;
    }

    private static boolean tracerRequiresGrad(Tensor[] inputs, int level) {
        for (Tensor t : inputs) if (t.requiresGrad && t.batchLevel() == level) return true;
        return false;
    }

    private static boolean aliasesInput(Tensor out, Tensor[] inputs) {
        for (Tensor t : inputs) if (t == out) return true;
        return false;
    }
}
