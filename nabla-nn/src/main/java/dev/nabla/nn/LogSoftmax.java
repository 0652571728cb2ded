package dev.nabla.nn;

import dev.nabla.Tensor;

/** log(softmax(x)) along dim, computed stably (PyTorch's nn.LogSoftmax). */
public final class LogSoftmax extends Layer {
    private final int dim;

    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.logSoftmax(dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
