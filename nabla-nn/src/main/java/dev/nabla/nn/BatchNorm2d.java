package dev.nabla.nn;

/** Batch normalisation of [N, C, H, W] over N, H and W per channel (PyTorch's nn.BatchNorm2d). */
public final class BatchNorm2d extends BatchNorm {
    public BatchNorm2d(int numFeatures) {
        this(numFeatures, Options.defaults());
    }

    public BatchNorm2d(int numFeatures, Options options) {
        super(numFeatures, options);
    }

    @Override
    protected boolean acceptsRank(int rank) { return rank == 4; }

    @Override
    protected String expectedRanks() { return "4-D [N, C, H, W]"; }
}
