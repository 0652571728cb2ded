package dev.nabla.nn;

import dev.nabla.Tensor;

/** log(1 + exp(beta * x)) / beta, linear where beta * x > threshold (PyTorch's nn.Softplus). */
public final class Softplus extends Layer {
    private final double beta, threshold;

    public Softplus() {
        this(1, 20);
    }

    public Softplus(double beta, double threshold) {
        this.beta = beta;
        this.threshold = threshold;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.softplus(beta, threshold);
    }

    @Override
    protected String extraRepr() {
        return "beta=" + py(beta) + ", threshold=" + py(threshold);
    }
}
