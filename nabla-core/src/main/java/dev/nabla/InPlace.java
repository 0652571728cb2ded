package dev.nabla;

import dev.nabla.ops.Elementwise;

/** In-place writes: checked against autograd, then a strided copy and a version bump. */
final class InPlace {
    private InPlace() {}

    static Tensor write(String op, Tensor target, Tensor value) {
        if (target.isBatched() || value.isBatched())
            throw new UnsupportedOperationException(op + ": in-place operations are not supported inside vmap; use the out-of-place form");
        if (GradMode.isEnabled() && (target.requiresGrad || value.requiresGrad))
            throw new IllegalStateException(op + ": in-place update of a tensor " + Shapes.str(target.shape())
                    + (target.isLeaf() ? " that is a leaf requiring grad" : " that is part of the autograd graph")
                    + " would corrupt gradients; do it inside try (var g = Nabla.noGrad()) { ... } or use the out-of-place form");
        int[] shape = target.shape();
        int[] b = Shapes.broadcast(op, shape, value.shape());
        if (!java.util.Arrays.equals(b, shape))
            throw new IllegalArgumentException(op + ": value of shape " + Shapes.str(value.shape()) + " cannot be written into a tensor of shape " + Shapes.str(shape));
        Elementwise.copyInto(value.to(target.dtype()).expand(shape), target);
        target.storage().bumpVersion();
        return target;
    }
}
