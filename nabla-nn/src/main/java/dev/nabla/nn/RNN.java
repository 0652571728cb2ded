package dev.nabla.nn;

import dev.nabla.Functional;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/** The Elman RNN, h_t = act(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh) with act tanh or relu (PyTorch's nn.RNN). */
public final class RNN extends RNNBase {
    private final boolean relu;

    public RNN(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, "tanh", Options.defaults());
    }

    public RNN(int inputSize, int hiddenSize, String nonlinearity, Options options) {
        this(inputSize, hiddenSize, nonlinearity, options, Nabla.defaultGenerator());
    }

    public RNN(int inputSize, int hiddenSize, String nonlinearity, Options options, Generator generator) {
        super(inputSize, hiddenSize, 1, options, generator);
        if (!nonlinearity.equals("tanh") && !nonlinearity.equals("relu"))
            throw new IllegalArgumentException("RNN: nonlinearity must be \"tanh\" or \"relu\", got \"" + nonlinearity + "\"");
        this.relu = nonlinearity.equals("relu");
    }

    public Output forward(Tensor x) {
        return run(x, null, null, false);
    }

    /** h0: [numLayers * directions, N, H] ([numLayers * directions, H] for unbatched input). */
    public Output forward(Tensor x, Tensor h0) {
        return run(x, h0, null, false);
    }

    @Override
    protected Tensor[] cell(Tensor xProjected, Tensor h, Tensor c, Tensor weightHh, Tensor biasHh) {
        Tensor pre = xProjected.add(Functional.linear(h, weightHh, biasHh));
        return new Tensor[] {relu ? pre.relu() : pre.tanh(), null};
    }
}
