package dev.nabla.nn;

import dev.nabla.Functional;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/**
 * Gated recurrent unit (PyTorch's nn.GRU): gates r, z, n in the weight rows, n = tanh(x_n + r * (h W_hn^T + b_hn)),
 * h_t = (1 - z) * n + z * h_{t-1}. As in PyTorch, r multiplies the hidden projection including its bias.
 */
public final class GRU extends RNNBase {
    public GRU(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, Options.defaults());
    }

    public GRU(int inputSize, int hiddenSize, Options options) {
        this(inputSize, hiddenSize, options, Nabla.defaultGenerator());
    }

    public GRU(int inputSize, int hiddenSize, Options options, Generator generator) {
        super(inputSize, hiddenSize, 3, options, generator);
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
        Tensor[] xg = xProjected.chunk(3, 1);
        Tensor[] hg = Functional.linear(h, weightHh, biasHh).chunk(3, 1);
        Tensor r = xg[0].add(hg[0]).sigmoid(), z = xg[1].add(hg[1]).sigmoid();
        Tensor n = xg[2].add(r.mul(hg[2])).tanh();
        return new Tensor[] {n.add(z.mul(h.sub(n))), null};
    }
}
