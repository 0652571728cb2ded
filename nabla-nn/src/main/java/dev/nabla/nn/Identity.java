package dev.nabla.nn;

import dev.nabla.Tensor;

/** Returns its input unchanged; a placeholder where an architecture has an optional layer (PyTorch's nn.Identity). */
public final class Identity extends Layer {
    @Override
    public Tensor forward(Tensor x) {
        return x;
    }
}
