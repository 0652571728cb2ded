package dev.nabla.nn;

/** How a loss turns per-element values into its result (PyTorch's reduction argument). */
public enum Reduction {
    /** The per-element losses, unreduced. */
    NONE,
    /** The mean (weighted by class weights where the loss has them). */
    MEAN,
    SUM,
    /** The sum divided by the batch size: KL divergence only, where it is the mathematically right mean. */
    BATCH_MEAN;

    /** PyTorch's spelling: "none", "mean", "sum", "batchmean". */
    public String pyName() {
        return this == BATCH_MEAN ? "batchmean" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
