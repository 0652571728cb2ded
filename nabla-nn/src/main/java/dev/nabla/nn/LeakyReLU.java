package dev.nabla.nn;

import dev.nabla.Tensor;

/** x for x >= 0, negativeSlope * x below (PyTorch's nn.LeakyReLU). */
public final class LeakyReLU extends Layer {
    private final double negativeSlope;

    public LeakyReLU() {
        this(0.01);
    }

    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.leakyRelu(negativeSlope);
    }

    @Override
    protected String extraRepr() {
        return "negative_slope=" + py(negativeSlope);
    }
}
