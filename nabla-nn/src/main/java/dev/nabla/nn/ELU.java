package dev.nabla.nn;

import dev.nabla.Tensor;

/** x for x > 0, alpha * (exp(x) - 1) below (PyTorch's nn.ELU). */
public final class ELU extends Layer {
    private final double alpha;

    public ELU() {
        this(1.0);
    }

    public ELU(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.elu(alpha);
    }

    @Override
    protected String extraRepr() {
        return "alpha=" + py(alpha);
    }
}
