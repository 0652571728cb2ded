package dev.nabla.nn;

/** Batch normalisation of [N, C] or [N, C, L] over N (and L) per channel (PyTorch's nn.BatchNorm1d). */
public final class BatchNorm1d extends BatchNorm {
    public BatchNorm1d(int numFeatures) {
        this(numFeatures, Options.defaults());
    }

    public BatchNorm1d(int numFeatures, Options options) {
        super(numFeatures, options);
    }

    @Override
    protected boolean acceptsRank(int rank) { return rank == 2 || rank == 3; }

    @Override
    protected String expectedRanks() { return "2-D [N, C] or 3-D [N, C, L]"; }
}
