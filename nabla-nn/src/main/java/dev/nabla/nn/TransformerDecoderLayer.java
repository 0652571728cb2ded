package dev.nabla.nn;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/**
 * Self-attention, cross-attention over the encoder's memory, then a feed-forward block, each with dropout,
 * a residual connection and layer norm (PyTorch's nn.TransformerDecoderLayer; names match its state dict).
 */
public final class TransformerDecoderLayer extends Module {
    private final int dModel, nhead;
    private final TransformerOptions options;
    private final Generator generator;
    private final MultiheadAttention selfAttn, crossAttn;
    private final Linear linear1, linear2;
    private final Dropout dropout, dropout1, dropout2, dropout3;
    private final LayerNorm norm1, norm2, norm3;

    public TransformerDecoderLayer(int dModel, int nhead) {
        this(dModel, nhead, TransformerOptions.defaults());
    }

    public TransformerDecoderLayer(int dModel, int nhead, TransformerOptions options) {
        this(dModel, nhead, options, Nabla.defaultGenerator());
    }

    public TransformerDecoderLayer(int dModel, int nhead, TransformerOptions options, Generator generator) {
        this.dModel = dModel;
        this.nhead = nhead;
        this.options = options;
        this.generator = generator;
        double p = options.dropout();
        double eps = options.layerNormEps();
        selfAttn = registerModule("self_attn", new MultiheadAttention(dModel, nhead, p, true, options.batchFirst(), generator));
        crossAttn = registerModule("multihead_attn", new MultiheadAttention(dModel, nhead, p, true, options.batchFirst(), generator));
        linear1 = registerModule("linear1", new Linear(dModel, options.dimFeedforward(), true, generator));
        dropout = registerModule("dropout", new Dropout(p, generator));
        linear2 = registerModule("linear2", new Linear(options.dimFeedforward(), dModel, true, generator));
        norm1 = registerModule("norm1", new LayerNorm(new int[] {dModel}, eps, true));
        norm2 = registerModule("norm2", new LayerNorm(new int[] {dModel}, eps, true));
        norm3 = registerModule("norm3", new LayerNorm(new int[] {dModel}, eps, true));
        dropout1 = registerModule("dropout1", new Dropout(p, generator));
        dropout2 = registerModule("dropout2", new Dropout(p, generator));
        dropout3 = registerModule("dropout3", new Dropout(p, generator));
    }

    public Tensor forward(Tensor tgt, Tensor memory) {
        return forward(tgt, memory, null, null, null, null);
    }

    /** tgt [T, N, E], memory [S, N, E] (batch-first: N first); any mask may be null. */
    public Tensor forward(Tensor tgt, Tensor memory, Tensor tgtMask, Tensor memoryMask, Tensor tgtKeyPaddingMask,
                          Tensor memoryKeyPaddingMask) {
        Tensor x = tgt;
        if (options.normFirst()) {
            x = x.add(selfAttentionBlock(norm1.forward(x), tgtMask, tgtKeyPaddingMask));
            x = x.add(crossAttentionBlock(norm2.forward(x), memory, memoryMask, memoryKeyPaddingMask));
            return x.add(feedForwardBlock(norm3.forward(x)));
        }
        x = norm1.forward(x.add(selfAttentionBlock(x, tgtMask, tgtKeyPaddingMask)));
        x = norm2.forward(x.add(crossAttentionBlock(x, memory, memoryMask, memoryKeyPaddingMask)));
        return norm3.forward(x.add(feedForwardBlock(x)));
    }

    private Tensor selfAttentionBlock(Tensor x, Tensor mask, Tensor keyPaddingMask) {
        return dropout1.forward(selfAttn.forward(x, x, x, keyPaddingMask, false, mask, true).output());
    }

    private Tensor crossAttentionBlock(Tensor x, Tensor memory, Tensor mask, Tensor keyPaddingMask) {
        return dropout2.forward(crossAttn.forward(x, memory, memory, keyPaddingMask, false, mask, true).output());
    }

    private Tensor feedForwardBlock(Tensor x) {
        return dropout3.forward(linear2.forward(dropout.forward(options.activate(linear1.forward(x)))));
    }

    /** A new layer with the same hyper-parameters, dtype and weights (PyTorch's deepcopy, used by the stacks). */
    public TransformerDecoderLayer copy() {
        TransformerDecoderLayer c = new TransformerDecoderLayer(dModel, nhead, options, generator);
        c.to(linear1.weight().dtype());
        c.loadStateDict(stateDict(), true);
        c.train(isTraining());
        return c;
    }
}
