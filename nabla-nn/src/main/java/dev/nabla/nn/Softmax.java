package dev.nabla.nn;

import dev.nabla.Tensor;

/** exp(x) normalised to sum to 1 along dim (PyTorch's nn.Softmax). */
public final class Softmax extends Layer {
    private final int dim;

    public Softmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.softmax(dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
