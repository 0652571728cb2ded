package dev.nabla.nn;

import dev.nabla.Tensor;

/**
 * numLayers copies of a decoder layer applied in turn, then an optional final norm (PyTorch's
 * nn.TransformerDecoder). As in PyTorch the copies start with identical weights: the given layer's.
 */
public final class TransformerDecoder extends Module {
    private final ModuleList<TransformerDecoderLayer> layers = new ModuleList<>();
    private final LayerNorm norm;

    public TransformerDecoder(TransformerDecoderLayer layer, int numLayers) {
        this(layer, numLayers, null);
    }

    /** norm may be null for none. */
    public TransformerDecoder(TransformerDecoderLayer layer, int numLayers, LayerNorm norm) {
        if (numLayers < 1) throw new IllegalArgumentException("TransformerDecoder: numLayers must be >= 1, got " + numLayers);
        registerModule("layers", layers);
        for (int i = 0; i < numLayers; i++) layers.add(layer.copy());
        this.norm = norm == null ? null : registerModule("norm", norm);
    }

    public Tensor forward(Tensor tgt, Tensor memory) {
        return forward(tgt, memory, null, null, null, null);
    }

    /** Masks as in {@link TransformerDecoderLayer#forward(Tensor, Tensor, Tensor, Tensor, Tensor, Tensor)}; any may be null. */
    public Tensor forward(Tensor tgt, Tensor memory, Tensor tgtMask, Tensor memoryMask, Tensor tgtKeyPaddingMask,
                          Tensor memoryKeyPaddingMask) {
        Tensor x = tgt;
        for (TransformerDecoderLayer l : layers) x = l.forward(x, memory, tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask);
        return norm == null ? x : norm.forward(x);
    }
}
