package dev.nabla.nn.keras;

import java.util.Map;

/**
 * Cuts the learning rate when a monitored epoch value stops improving: nabla-nn's
 * {@link dev.nabla.nn.optim.ReduceLROnPlateau} (PyTorch's rule and options; its mode says whether
 * lower or higher is better) stepped with the value after every epoch.
 */
public final class ReduceLROnPlateau implements Callback {
    private final Monitor monitor;
    private final dev.nabla.nn.optim.ReduceLROnPlateau.Options options;
    private dev.nabla.nn.optim.ReduceLROnPlateau plateau;

    /** Watches monitor (e.g. "val_loss") with PyTorch's defaults: factor 0.1 after 10 epochs without improvement. */
    public ReduceLROnPlateau(String monitor) {
        this(monitor, dev.nabla.nn.optim.ReduceLROnPlateau.Options.defaults());
    }

    public ReduceLROnPlateau(String monitor, dev.nabla.nn.optim.ReduceLROnPlateau.Options options) {
        this.monitor = new Monitor("ReduceLROnPlateau", monitor, MonitorMode.AUTO, 0);
        this.options = options;
    }

    @Override
    public void onTrainBegin(Model model, TrainingPlan plan) {
        plateau = new dev.nabla.nn.optim.ReduceLROnPlateau(model.optimizer(), options);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        plateau.step(monitor.read(logs));
    }
}
