package dev.nabla.nn;

import dev.nabla.Tensor;

/** x * sigmoid(x), also called swish (PyTorch's nn.SiLU). */
public final class SiLU extends Layer {
    @Override
    public Tensor forward(Tensor x) {
        return x.silu();
    }
}
