package dev.nabla.nn;

import dev.nabla.Functional;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/**
 * Long short-term memory (PyTorch's nn.LSTM): gates i, f, g, o (in that order in the weight rows),
 * c_t = f * c_{t-1} + i * g, h_t = o * tanh(c_t).
 */
public final class LSTM extends RNNBase {
    public LSTM(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, Options.defaults());
    }

    public LSTM(int inputSize, int hiddenSize, Options options) {
        this(inputSize, hiddenSize, options, Nabla.defaultGenerator());
    }

    public LSTM(int inputSize, int hiddenSize, Options options, Generator generator) {
        super(inputSize, hiddenSize, 4, options, generator);
    }

    public Output forward(Tensor x) {
        return run(x, null, null, true);
    }

    /** h0 and c0: [numLayers * directions, N, H] ([numLayers * directions, H] for unbatched input). */
    public Output forward(Tensor x, Tensor h0, Tensor c0) {
        if ((h0 == null) != (c0 == null)) throw new IllegalArgumentException("LSTM: give both h0 and c0, or neither");
        return run(x, h0, c0, true);
    }

    @Override
    protected Tensor[] cell(Tensor xProjected, Tensor h, Tensor c, Tensor weightHh, Tensor biasHh) {
        Tensor[] g = xProjected.add(Functional.linear(h, weightHh, biasHh)).chunk(4, 1);
        Tensor cNext = g[1].sigmoid().mul(c).add(g[0].sigmoid().mul(g[2].tanh()));
        return new Tensor[] {g[3].sigmoid().mul(cNext.tanh()), cNext};
    }
}
