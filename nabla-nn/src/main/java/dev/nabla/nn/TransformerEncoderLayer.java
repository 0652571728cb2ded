package dev.nabla.nn;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/**
 * Self-attention then a feed-forward block, each with dropout, a residual connection and layer norm
 * (PyTorch's nn.TransformerEncoderLayer; sub-module names match its state dict). With normFirst the norm
 * is applied before each block (pre-norm) instead of after the residual sum.
 */
public final class TransformerEncoderLayer extends Module {
    private final int dModel, nhead;
    private final TransformerOptions options;
    private final Generator generator;
    private final MultiheadAttention selfAttn;
    private final Linear linear1, linear2;
    private final Dropout dropout, dropout1, dropout2;
    private final LayerNorm norm1, norm2;

    public TransformerEncoderLayer(int dModel, int nhead) {
        this(dModel, nhead, TransformerOptions.defaults());
    }

    public TransformerEncoderLayer(int dModel, int nhead, TransformerOptions options) {
        this(dModel, nhead, options, Nabla.defaultGenerator());
    }

    public TransformerEncoderLayer(int dModel, int nhead, TransformerOptions options, Generator generator) {
        this.dModel = dModel;
        this.nhead = nhead;
        this.options = options;
        this.generator = generator;
        double p = options.dropout();
        selfAttn = registerModule("self_attn", new MultiheadAttention(dModel, nhead, p, true, options.batchFirst(), generator));
        linear1 = registerModule("linear1", new Linear(dModel, options.dimFeedforward(), true, generator));
        dropout = registerModule("dropout", new Dropout(p, generator));
        linear2 = registerModule("linear2", new Linear(options.dimFeedforward(), dModel, true, generator));
        norm1 = registerModule("norm1", new LayerNorm(new int[] {dModel}, options.layerNormEps(), true));
        norm2 = registerModule("norm2", new LayerNorm(new int[] {dModel}, options.layerNormEps(), true));
        dropout1 = registerModule("dropout1", new Dropout(p, generator));
        dropout2 = registerModule("dropout2", new Dropout(p, generator));
    }

    public Tensor forward(Tensor src) {
        return forward(src, null, null);
    }

    /** src [S, N, E] ([N, S, E] batch-first); masks as in {@link MultiheadAttention#forward}; either may be null. */
    public Tensor forward(Tensor src, Tensor srcMask, Tensor srcKeyPaddingMask) {
        Tensor x = src;
        if (options.normFirst()) {
            x = x.add(selfAttentionBlock(norm1.forward(x), srcMask, srcKeyPaddingMask));
            return x.add(feedForwardBlock(norm2.forward(x)));
        }
        x = norm1.forward(x.add(selfAttentionBlock(x, srcMask, srcKeyPaddingMask)));
        return norm2.forward(x.add(feedForwardBlock(x)));
    }

    private Tensor selfAttentionBlock(Tensor x, Tensor mask, Tensor keyPaddingMask) {
        return dropout1.forward(selfAttn.forward(x, x, x, keyPaddingMask, false, mask, true).output());
    }

    private Tensor feedForwardBlock(Tensor x) {
        return dropout2.forward(linear2.forward(dropout.forward(options.activate(linear1.forward(x)))));
    }

    /** A new layer with the same hyper-parameters, dtype and weights (PyTorch's deepcopy, used by the stacks). */
    public TransformerEncoderLayer copy() {
        TransformerEncoderLayer c = new TransformerEncoderLayer(dModel, nhead, options, generator);
        c.to(linear1.weight().dtype());
        c.loadStateDict(stateDict(), true);
        c.train(isTraining());
        return c;
    }
}
