package dev.nabla;

/** A function of several tensors to several tensors (e.g. the gradients that grad returns). */
@FunctionalInterface
public interface MultiTensorFn {
    Tensor[] apply(Tensor... args);
}
