package dev.nabla.nn.keras;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Saves the model's weights after each epoch (Keras's ModelCheckpoint), or with saveBestOnly only
 * when the monitored value improves. A "{epoch}" in the file name becomes the epoch number counted
 * from 1, so every save gets its own file; without it each save replaces the last. Files are written
 * to a temporary sibling and renamed, so a crash never leaves a half-written checkpoint.
 */
public final class ModelCheckpoint implements Callback {
    /** {@link #defaults()}: monitor "val_loss", AUTO mode, save every epoch. */
    public record Options(String monitor, MonitorMode mode, boolean saveBestOnly) {
        public Options {
            if (monitor == null || mode == null) throw new IllegalArgumentException("ModelCheckpoint: monitor and mode must be set");
        }

        public static Options defaults() { return new Options("val_loss", MonitorMode.AUTO, false); }

        public Options withMonitor(String monitor) { return new Options(monitor, mode, saveBestOnly); }
        public Options withMode(MonitorMode mode) { return new Options(monitor, mode, saveBestOnly); }
        public Options withSaveBestOnly(boolean saveBestOnly) { return new Options(monitor, mode, saveBestOnly); }
    }

    private final Path file;
    private final Options options;
    private final WeightsWriter writer;
    private final Monitor monitor;
    private Model model;
    private double best;
    private Path lastSaved;

    /** Saves every epoch as .npz ({@link WeightsWriter#npz()}). */
    public ModelCheckpoint(Path file) {
        this(file, Options.defaults(), WeightsWriter.npz());
    }

    public ModelCheckpoint(Path file, Options options) {
        this(file, options, WeightsWriter.npz());
    }

    public ModelCheckpoint(Path file, Options options, WeightsWriter writer) {
        this.file = file;
        this.options = options;
        this.writer = writer;
        this.monitor = new Monitor("ModelCheckpoint", options.monitor(), options.mode(), 0);
    }

    @Override
    public void onTrainBegin(Model model, TrainingPlan plan) {
        this.model = model;
        best = monitor.worst();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (options.saveBestOnly()) {
            double current = monitor.read(logs);
            if (!monitor.improves(current, best)) return;
            best = current;
        }
        Path target = file.resolveSibling(file.getFileName().toString().replace("{epoch}", Integer.toString(epoch + 1)));
        try {
            AtomicWrite.write(target, tmp -> writer.write(model.module(), tmp));
        } catch (IOException e) {
            throw new UncheckedIOException("ModelCheckpoint: could not write " + target + ": " + e.getMessage(), e);
        }
        lastSaved = target;
    }

    /** The file written last, or null before the first save. */
    public Path lastSaved() {
        return lastSaved;
    }
}
