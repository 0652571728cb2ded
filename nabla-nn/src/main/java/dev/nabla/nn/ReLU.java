package dev.nabla.nn;

import dev.nabla.Tensor;

/** max(0, x) (PyTorch's nn.ReLU). */
public final class ReLU extends Layer {
    @Override
    public Tensor forward(Tensor x) {
        return x.relu();
    }
}
