package dev.nabla.examples;

import dev.nabla.data.DataHome;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What every example takes from the command line.
 *
 * @param data        the folder holding mnist/ and fashion-mnist/ (the MNIST-style examples read it; nothing is downloaded)
 * @param plots       a folder for the charts of the examples that draw some (PNG), or null for none
 * @param epochs      passes over the training set; 0 keeps the example's own default
 * @param limit       use only the first limit training and the first limit test samples; 0 uses all
 * @param seed        seeds the initial weights, the shuffles and the splits
 * @param out         where the progress, the report and the final JSON line go
 * @param interactive redraw the progress bar in place (a terminal) instead of one line per epoch
 */
public record ExampleOptions(Path data, Path plots, int epochs, int limit, long seed, PrintStream out, boolean interactive) {
    public ExampleOptions {
        if (epochs < 0) throw new IllegalArgumentException("epochs must be >= 0 (0 = the example's default), got " + epochs);
        if (limit < 0) throw new IllegalArgumentException("limit must be >= 0 (0 = all samples), got " + limit);
    }

    /** The data home ($NABLA_DATA or ~/.nabla/datasets), no charts, default epochs, all samples, seed 0, non-interactive. */
    public static ExampleOptions defaults(PrintStream out) {
        return new ExampleOptions(DataHome.root(), null, 0, 0, 0, out, false);
    }

    public ExampleOptions withData(Path data) {
        return new ExampleOptions(data, plots, epochs, limit, seed, out, interactive);
    }

    public ExampleOptions withPlots(Path plots) {
        return new ExampleOptions(data, plots, epochs, limit, seed, out, interactive);
    }

    public ExampleOptions withEpochs(int epochs) {
        return new ExampleOptions(data, plots, epochs, limit, seed, out, interactive);
    }

    public ExampleOptions withLimit(int limit) {
        return new ExampleOptions(data, plots, epochs, limit, seed, out, interactive);
    }

    public ExampleOptions withSeed(long seed) {
        return new ExampleOptions(data, plots, epochs, limit, seed, out, interactive);
    }

    /** The epochs asked for, or the example's default when none were. */
    int epochsOr(int defaultEpochs) {
        return epochs > 0 ? epochs : defaultEpochs;
    }

    /** The first limit of n samples, or all n without a limit. */
    int take(int n) {
        return limit > 0 ? Math.min(limit, n) : n;
    }
}
