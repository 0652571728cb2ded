package dev.nabla.nn;

import dev.nabla.Tensor;

/**
 * Log-softmax and negative log likelihood of logits (PyTorch's nn.CrossEntropyLoss); see
 * {@link Losses#crossEntropy(Tensor, Tensor, Tensor, int, Reduction, double)}. The class weights are a buffer.
 */
public final class CrossEntropyLoss extends Loss {
    /** weight may be null; ignoreIndex defaults to {@link Losses#NO_IGNORE}. */
    public record Options(Tensor weight, int ignoreIndex, Reduction reduction, double labelSmoothing) {
        public static Options defaults() { return new Options(null, Losses.NO_IGNORE, Reduction.MEAN, 0); }
        public Options withWeight(Tensor w) { return new Options(w, ignoreIndex, reduction, labelSmoothing); }
        public Options withIgnoreIndex(int i) { return new Options(weight, i, reduction, labelSmoothing); }
        public Options withReduction(Reduction r) { return new Options(weight, ignoreIndex, r, labelSmoothing); }
        public Options withLabelSmoothing(double s) { return new Options(weight, ignoreIndex, reduction, s); }
    }

    private final int ignoreIndex;
    private final double labelSmoothing;

    public CrossEntropyLoss() {
        this(Options.defaults());
    }

    public CrossEntropyLoss(Options options) {
        super(options.reduction());
        this.ignoreIndex = options.ignoreIndex();
        this.labelSmoothing = options.labelSmoothing();
        registerBuffer("weight", options.weight());
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.crossEntropy(input, target, buffer("weight"), ignoreIndex, reduction, labelSmoothing);
    }
}
