package dev.nabla.nn;

/**
 * Hyper-parameters of {@link TransformerEncoderLayer} and {@link TransformerDecoderLayer}; {@link #defaults()}
 * are PyTorch's (feed-forward 2048, dropout 0.1, relu, eps 1e-5, time-major, post-norm).
 */
public record TransformerOptions(int dimFeedforward, double dropout, String activation, double layerNormEps, boolean batchFirst,
                                 boolean normFirst) {
    public TransformerOptions {
        if (dimFeedforward <= 0) throw new IllegalArgumentException("TransformerOptions: dimFeedforward must be positive, got " + dimFeedforward);
        if (!activation.equals("relu") && !activation.equals("gelu"))
            throw new IllegalArgumentException("TransformerOptions: activation must be \"relu\" or \"gelu\", got \"" + activation + "\"");
    }

    public static TransformerOptions defaults() { return new TransformerOptions(2048, 0.1, "relu", 1e-5, false, false); }
    public TransformerOptions withDimFeedforward(int d) { return new TransformerOptions(d, dropout, activation, layerNormEps, batchFirst, normFirst); }
    public TransformerOptions withDropout(double p) { return new TransformerOptions(dimFeedforward, p, activation, layerNormEps, batchFirst, normFirst); }
    public TransformerOptions withActivation(String a) { return new TransformerOptions(dimFeedforward, dropout, a, layerNormEps, batchFirst, normFirst); }
    public TransformerOptions withLayerNormEps(double e) { return new TransformerOptions(dimFeedforward, dropout, activation, e, batchFirst, normFirst); }
    public TransformerOptions withBatchFirst(boolean b) { return new TransformerOptions(dimFeedforward, dropout, activation, layerNormEps, b, normFirst); }
    public TransformerOptions withNormFirst(boolean n) { return new TransformerOptions(dimFeedforward, dropout, activation, layerNormEps, batchFirst, n); }

    dev.nabla.Tensor activate(dev.nabla.Tensor x) {
        return activation.equals("relu") ? x.relu() : x.gelu();
    }
}
