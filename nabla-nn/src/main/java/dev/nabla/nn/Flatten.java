package dev.nabla.nn;

import dev.nabla.Tensor;

/** Flattens dims startDim..endDim into one, by default all but the batch dim (PyTorch's nn.Flatten). */
public final class Flatten extends Layer {
    private final int startDim, endDim;

    public Flatten() {
        this(1, -1);
    }

    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.flatten(startDim, endDim);
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
