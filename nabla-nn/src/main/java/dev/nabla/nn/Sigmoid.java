package dev.nabla.nn;

import dev.nabla.Tensor;

/** 1 / (1 + exp(-x)) (PyTorch's nn.Sigmoid). */
public final class Sigmoid extends Layer {
    @Override
    public Tensor forward(Tensor x) {
        return x.sigmoid();
    }
}
