package dev.nabla.nn;

import dev.nabla.Tensor;

/**
 * numLayers copies of an encoder layer applied in turn, then an optional final norm (PyTorch's
 * nn.TransformerEncoder). As in PyTorch the copies start with identical weights: the given layer's.
 */
public final class TransformerEncoder extends Module {
    private final ModuleList<TransformerEncoderLayer> layers = new ModuleList<>();
    private final LayerNorm norm;

    public TransformerEncoder(TransformerEncoderLayer layer, int numLayers) {
        this(layer, numLayers, null);
    }

    /** norm may be null for none. */
    public TransformerEncoder(TransformerEncoderLayer layer, int numLayers, LayerNorm norm) {
        if (numLayers < 1) throw new IllegalArgumentException("TransformerEncoder: numLayers must be >= 1, got " + numLayers);
        registerModule("layers", layers);
        for (int i = 0; i < numLayers; i++) layers.add(layer.copy());
        this.norm = norm == null ? null : registerModule("norm", norm);
    }

    public Tensor forward(Tensor src) {
        return forward(src, null, null);
    }

    /** mask and srcKeyPaddingMask as in {@link TransformerEncoderLayer#forward(Tensor, Tensor, Tensor)}; either may be null. */
    public Tensor forward(Tensor src, Tensor mask, Tensor srcKeyPaddingMask) {
        Tensor x = src;
        for (TransformerEncoderLayer l : layers) x = l.forward(x, mask, srcKeyPaddingMask);
        return norm == null ? x : norm.forward(x);
    }
}
