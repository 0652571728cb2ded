package dev.nabla.nn.keras;

import dev.nabla.Tensor;
import dev.nabla.data.DataLoader;
import java.util.List;
import java.util.OptionalLong;

/**
 * How {@link Model#fit} trains; {@link #defaults()} are Keras's (1 epoch, batches of 32, shuffled,
 * progress shown), changed with {@code with...} methods. Validation comes from a split of the training
 * tensors or from separate data, never both. Batching, shuffling and the split apply to tensor input;
 * a {@link DataLoader} brings its own.
 *
 * @param seed         seeds the shuffle; empty draws from the global generator ({@code Nabla.manualSeed})
 * @param validationSplit the fraction of the training tensors held out, taken from the end before
 *                     shuffling as Keras does (so the split does not depend on the seed); 0 for none
 * @param validationData inputs then target, or null
 * @param validationLoader batches of inputs then target, or null
 * @param verbose      0 silent, 1 a progress bar (redrawn in place on a terminal, one line per epoch
 *                     elsewhere), 2 one line per epoch
 * @param clipGradNorm the largest total gradient 2-norm before each step; 0 does not clip
 * @param clipGradValue the largest absolute gradient element; 0 does not clip
 */
public record FitOptions(int epochs, int batchSize, boolean shuffle, OptionalLong seed, double validationSplit,
                         Tensor[] validationData, DataLoader<Tensor[]> validationLoader, List<Callback> callbacks,
                         int verbose, double clipGradNorm, double clipGradValue) {
    public FitOptions {
        if (epochs < 1) throw new IllegalArgumentException("FitOptions: epochs must be >= 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("FitOptions: batchSize must be >= 1, got " + batchSize);
        if (!(validationSplit >= 0 && validationSplit < 1))
            throw new IllegalArgumentException("FitOptions: validationSplit must be in [0, 1), got " + validationSplit);
        int sources = (validationSplit > 0 ? 1 : 0) + (validationData != null ? 1 : 0) + (validationLoader != null ? 1 : 0);
        if (sources > 1) throw new IllegalArgumentException("FitOptions: give one of validationSplit, validation tensors or a validation loader");
        if (validationData != null && validationData.length < 2)
            throw new IllegalArgumentException("FitOptions: validation data needs inputs and a target, got " + validationData.length + " tensor(s)");
        if (verbose < 0 || verbose > 2) throw new IllegalArgumentException("FitOptions: verbose must be 0, 1 or 2, got " + verbose);
        if (!(clipGradNorm >= 0) || !(clipGradValue >= 0))
            throw new IllegalArgumentException("FitOptions: clipGradNorm and clipGradValue must be >= 0 (0 turns clipping off)");
        callbacks = List.copyOf(callbacks);
        validationData = validationData == null ? null : validationData.clone();
    }

    /** Validation inputs then target (a copy), or null. */
    @Override
    public Tensor[] validationData() {
        return validationData == null ? null : validationData.clone();
    }

    public static FitOptions defaults() {
        return new FitOptions(1, 32, true, OptionalLong.empty(), 0, null, null, List.of(), 1, 0, 0);
    }

    public FitOptions withEpochs(int epochs) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationData, validationLoader, callbacks, verbose, clipGradNorm, clipGradValue);
    }

    public FitOptions withBatchSize(int batchSize) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationData, validationLoader, callbacks, verbose, clipGradNorm, clipGradValue);
    }

    public FitOptions withShuffle(boolean shuffle) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationData, validationLoader, callbacks, verbose, clipGradNorm, clipGradValue);
    }

    public FitOptions withSeed(long seed) {
        return new FitOptions(epochs, batchSize, shuffle, OptionalLong.of(seed), validationSplit, validationData, validationLoader, callbacks, verbose, clipGradNorm, clipGradValue);
    }

    public FitOptions withValidationSplit(double validationSplit) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationData, validationLoader, callbacks, verbose, clipGradNorm, clipGradValue);
    }

    public FitOptions withValidationData(Tensor x, Tensor y) {
        return withValidationData(new Tensor[] {x}, y);
    }

    /** Validation inputs (one per model input) and target. */
    public FitOptions withValidationData(Tensor[] xs, Tensor y) {
        Tensor[] data = java.util.Arrays.copyOf(xs, xs.length + 1);
        data[xs.length] = y;
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, data, validationLoader, callbacks, verbose, clipGradNorm, clipGradValue);
    }

    /** Validation batches, each {@code Tensor[]{inputs..., target}}. */
    public FitOptions withValidationData(DataLoader<Tensor[]> loader) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationData, loader, callbacks, verbose, clipGradNorm, clipGradValue);
    }

    public FitOptions withCallbacks(Callback... callbacks) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationData, validationLoader, List.of(callbacks), verbose, clipGradNorm, clipGradValue);
    }

    public FitOptions withVerbose(int verbose) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationData, validationLoader, callbacks, verbose, clipGradNorm, clipGradValue);
    }

    public FitOptions withClipGradNorm(double maxNorm) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationData, validationLoader, callbacks, verbose, maxNorm, clipGradValue);
    }

    public FitOptions withClipGradValue(double maxValue) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationData, validationLoader, callbacks, verbose, clipGradNorm, maxValue);
    }
}
