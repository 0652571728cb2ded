package dev.nabla.nn;

import dev.nabla.Functional;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.Arrays;

/**
 * What {@link RNN}, {@link LSTM} and {@link GRU} share (PyTorch's RNNBase): stacked, optionally
 * bidirectional layers with PyTorch's parameter names ({@code weight_ih_l0}, {@code bias_hh_l1_reverse})
 * and layouts, so their state dicts load directly. Each layer runs the per-step recurrence, projecting
 * each step's input as it goes; the cell is the only thing the subclasses define.
 */
public abstract class RNNBase extends Module {
    /** PyTorch's defaults: one layer, biases, time-major input, no dropout, one direction. */
    public record Options(int numLayers, boolean bias, boolean batchFirst, double dropout, boolean bidirectional) {
        public Options {
            if (numLayers < 1) throw new IllegalArgumentException("RNN options: numLayers must be >= 1, got " + numLayers);
            if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("RNN options: dropout must be in [0, 1), got " + dropout);
        }
        public static Options defaults() { return new Options(1, true, false, 0, false); }
        public Options withNumLayers(int n) { return new Options(n, bias, batchFirst, dropout, bidirectional); }
        public Options withBias(boolean b) { return new Options(numLayers, b, batchFirst, dropout, bidirectional); }
        public Options withBatchFirst(boolean b) { return new Options(numLayers, bias, b, dropout, bidirectional); }
        public Options withDropout(double p) { return new Options(numLayers, bias, batchFirst, p, bidirectional); }
        public Options withBidirectional(boolean b) { return new Options(numLayers, bias, batchFirst, dropout, b); }
    }

    /**
     * The top layer's outputs for every step, [T, N, D*H] ([N, T, D*H] batch-first, [T, D*H] unbatched), and
     * the final states [numLayers*D, N, H] in PyTorch's order (layer 0 forward, layer 0 reverse, layer 1, ...).
     * cN is the LSTM's final cell state and null for RNN and GRU.
     */
    public record Output(Tensor output, Tensor hN, Tensor cN) {}

    private final int inputSize, hiddenSize, gates;
    private final Options options;
    private final Generator generator;

    protected RNNBase(int inputSize, int hiddenSize, int gates, Options options, Generator generator) {
        if (inputSize <= 0 || hiddenSize <= 0)
            throw new IllegalArgumentException(getClass().getSimpleName() + ": inputSize and hiddenSize must be positive, got "
                    + inputSize + " and " + hiddenSize);
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.gates = gates;
        this.options = options;
        this.generator = generator;
        int dirs = directions();
        double bound = 1 / Math.sqrt(hiddenSize);
        for (int layer = 0; layer < options.numLayers(); layer++) {
            for (int dir = 0; dir < dirs; dir++) {
                int in = layer == 0 ? inputSize : hiddenSize * dirs;
                String s = suffix(layer, dir);
                init(registerParameter("weight_ih" + s, Nabla.zeros(gates * hiddenSize, in)), bound);
                init(registerParameter("weight_hh" + s, Nabla.zeros(gates * hiddenSize, hiddenSize)), bound);
                if (options.bias()) {
                    init(registerParameter("bias_ih" + s, Nabla.zeros(gates * hiddenSize)), bound);
                    init(registerParameter("bias_hh" + s, Nabla.zeros(gates * hiddenSize)), bound);
                }
            }
        }
    }

    private void init(Tensor t, double bound) {
        Init.uniform_(t, -bound, bound, generator);
    }

    private static String suffix(int layer, int dir) {
        return "_l" + layer + (dir == 1 ? "_reverse" : "");
    }

    private int directions() {
        return options.bidirectional() ? 2 : 1;
    }

    public int hiddenSize() { return hiddenSize; }

    public Options options() { return options; }

    /**
     * One step for a batch: xProjected is x_t W_ih^T + b_ih [N, gates*H]; h (and c for the LSTM) are the
     * previous states [N, H]. Returns the new {h, c} (c null when unused).
     */
    protected abstract Tensor[] cell(Tensor xProjected, Tensor h, Tensor c, Tensor weightHh, Tensor biasHh);

    /** Runs the stack; h0 and c0 may be null for zeros (c0 is ignored by cells that have no cell state). */
    protected final Output run(Tensor x, Tensor h0, Tensor c0, boolean hasCell) {
        String name = getClass().getSimpleName();
        if ((x.dim() != 2 && x.dim() != 3) || x.size(-1) != inputSize)
            throw new IllegalArgumentException(name + "(" + inputSize + ", " + hiddenSize + "): expected input [T, N, " + inputSize
                    + "] (" + (options.batchFirst() ? "[N, T, " + inputSize + "] batch-first, " : "") + "[T, " + inputSize
                    + "] unbatched), got shape " + Arrays.toString(x.shape()));
        boolean unbatched = x.dim() == 2;
        Tensor seq = unbatched ? x.unsqueeze(1) : options.batchFirst() ? x.transpose(0, 1) : x;
        int steps = seq.size(0), batch = seq.size(1), dirs = directions(), states = options.numLayers() * dirs;
        Tensor h = initialState(name, "h0", h0, unbatched, states, batch, seq);
        Tensor c = hasCell ? initialState(name, "c0", c0, unbatched, states, batch, seq) : null;

        Tensor[] hN = new Tensor[states], cN = new Tensor[states];
        // Each step's input is kept as its own tensor, and projected step by step. Projecting the whole
        // sequence at once and selecting steps from the result is one big GEMM instead of T small ones,
        // but in backward every select then scatters its gradient into a zero tensor of the whole
        // sequence and those T full-size tensors are summed: for T = 50 that was 80% of the step.
        Tensor[] stepInputs = new Tensor[steps];
        for (int t = 0; t < steps; t++) stepInputs[t] = seq.select(0, t);
        for (int layer = 0; layer < options.numLayers(); layer++) {
            Tensor[][] perDirection = new Tensor[dirs][steps];
            for (int dir = 0; dir < dirs; dir++) {
                String s = suffix(layer, dir);
                int k = layer * dirs + dir;
                Tensor wIh = param("weight_ih" + s), bIh = options.bias() ? param("bias_ih" + s) : null;
                Tensor wHh = param("weight_hh" + s), bHh = options.bias() ? param("bias_hh" + s) : null;
                Tensor hk = h.select(0, k), ck = hasCell ? c.select(0, k) : null;
                for (int i = 0; i < steps; i++) {
                    int t = dir == 0 ? i : steps - 1 - i;
                    Tensor[] next = cell(Functional.linear(stepInputs[t], wIh, bIh), hk, ck, wHh, bHh);
                    hk = next[0];
                    ck = next[1];
                    perDirection[dir][t] = hk;
                }
                hN[k] = hk;
                cN[k] = ck;
            }
            // PyTorch applies dropout between layers only, never after the last one. Per step in time
            // order draws the same random numbers as dropout over the stacked [T, N, D*H] outputs.
            boolean drop = options.dropout() > 0 && layer < options.numLayers() - 1;
            for (int t = 0; t < steps; t++) {
                stepInputs[t] = dirs == 1 ? perDirection[0][t] : Nabla.cat(new Tensor[] {perDirection[0][t], perDirection[1][t]}, 1);
                if (drop) stepInputs[t] = Functional.dropout(stepInputs[t], options.dropout(), isTraining(), generator);
            }
        }
        Tensor layerInput = Nabla.stack(stepInputs, 0);
        Tensor out = unbatched ? layerInput.squeeze(1) : options.batchFirst() ? layerInput.transpose(0, 1) : layerInput;
        Tensor hOut = Nabla.stack(hN, 0), cOut = hasCell ? Nabla.stack(cN, 0) : null;
        if (unbatched) {
            hOut = hOut.squeeze(1);
            if (cOut != null) cOut = cOut.squeeze(1);
        }
        return new Output(out, hOut, cOut);
    }

    private Tensor initialState(String name, String what, Tensor given, boolean unbatched, int states, int batch, Tensor like) {
        if (given == null) return Nabla.zeros(like.dtype(), states, batch, hiddenSize);
        int[] expected = unbatched ? new int[] {states, hiddenSize} : new int[] {states, batch, hiddenSize};
        if (!Arrays.equals(given.shape(), expected))
            throw new IllegalArgumentException(name + ": " + what + " must have shape " + Arrays.toString(expected)
                    + " (numLayers * directions, batch, hiddenSize), got " + Arrays.toString(given.shape()));
        return unbatched ? given.unsqueeze(1) : given;
    }

    @Override
    protected String extraRepr() {
        StringBuilder sb = new StringBuilder(inputSize + ", " + hiddenSize);
        if (options.numLayers() != 1) sb.append(", num_layers=").append(options.numLayers());
        if (!options.bias()) sb.append(", bias=False");
        if (options.batchFirst()) sb.append(", batch_first=True");
        if (options.dropout() != 0) sb.append(", dropout=").append(py(options.dropout()));
        if (options.bidirectional()) sb.append(", bidirectional=True");
        return sb.toString();
    }
}
