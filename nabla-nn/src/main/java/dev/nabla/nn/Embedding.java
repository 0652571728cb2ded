package dev.nabla.nn;

import dev.nabla.Functional;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/**
 * A lookup table of numEmbeddings rows of size embeddingDim, indexed by integer tensors (PyTorch's
 * nn.Embedding). The padding row starts at zero and receives no gradient.
 */
public final class Embedding extends Layer {
    private final int numEmbeddings, embeddingDim, paddingIdx;

    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, null, Nabla.defaultGenerator());
    }

    /** With a padding row; a negative paddingIdx counts from the end, as in PyTorch. */
    public Embedding(int numEmbeddings, int embeddingDim, int paddingIdx) {
        this(numEmbeddings, embeddingDim, (Integer) paddingIdx, Nabla.defaultGenerator());
    }

    /** paddingIdx null means no padding row. */
    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx, Generator generator) {
        if (numEmbeddings <= 0 || embeddingDim <= 0)
            throw new IllegalArgumentException("Embedding: sizes must be positive, got " + numEmbeddings + " x " + embeddingDim);
        if (paddingIdx != null && (paddingIdx >= numEmbeddings || paddingIdx < -numEmbeddings))
            throw new IllegalArgumentException("Embedding: paddingIdx " + paddingIdx + " must be within [-" + numEmbeddings + ", " + numEmbeddings + ")");
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = paddingIdx == null ? -1 : paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
        Tensor w = registerParameter("weight", Nabla.zeros(numEmbeddings, embeddingDim));
        Init.normal_(w, 0, 1, generator);
        if (this.paddingIdx >= 0) {
            try (var g = Nabla.noGrad()) {
                w.select(0, this.paddingIdx).zero_();
            }
        }
    }

    public Tensor weight() { return param("weight"); }

    /** Builds a layer holding a copy of rows (PyTorch's Embedding.from_pretrained); frozen unless asked. */
    public static Embedding fromPretrained(Tensor rows, boolean freeze) {
        if (rows.dim() != 2) throw new IllegalArgumentException("Embedding.fromPretrained: rows must be 2-D, got shape " + java.util.Arrays.toString(rows.shape()));
        Embedding e = new Embedding(rows.size(0), rows.size(1));
        e.to(rows.dtype());
        e.loadStateDict(java.util.Map.of("weight", rows), true);
        e.requiresGrad(!freeze);
        return e;
    }

    @Override
    public Tensor forward(Tensor indices) {
        if (indices.dtype().isFloatingPoint())
            throw new IllegalArgumentException("Embedding(" + numEmbeddings + ", " + embeddingDim + "): indices must be an integer tensor, got " + indices.dtype());
        return Functional.embedding(indices, weight(), paddingIdx);
    }

    @Override
    protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx >= 0 ? ", padding_idx=" + paddingIdx : "");
    }
}
