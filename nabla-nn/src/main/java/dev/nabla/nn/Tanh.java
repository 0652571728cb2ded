package dev.nabla.nn;

import dev.nabla.Tensor;

/** The hyperbolic tangent (PyTorch's nn.Tanh). */
public final class Tanh extends Layer {
    @Override
    public Tensor forward(Tensor x) {
        return x.tanh();
    }
}
