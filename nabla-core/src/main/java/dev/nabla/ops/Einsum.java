package dev.nabla.ops;

import dev.nabla.Tensor;

/** Einstein summation lowered to permute, reshape and matmul. */
public final class Einsum {
    private Einsum() {}

    public static Tensor einsum(String equation, Tensor... operands) {
        throw new UnsupportedOperationException("einsum is not implemented yet");
    }
}
