package dev.nabla;

/** A function of several tensors to one tensor, the shape that grad, vjp, jvp and vmap transform. */
@FunctionalInterface
public interface TensorFn {
    Tensor apply(Tensor... args);
}
