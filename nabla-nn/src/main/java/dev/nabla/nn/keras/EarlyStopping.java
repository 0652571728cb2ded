package dev.nabla.nn.keras;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stops training once the monitored value has not improved for patience epochs (Keras's
 * EarlyStopping). With restoreBestWeights the model ends with the parameters and buffers of its best
 * epoch, whether or not training stopped early.
 */
public final class EarlyStopping implements Callback {
    /** {@link #defaults()}: monitor "val_loss", AUTO mode, patience 0, minDelta 0, no restoring. */
    public record Options(String monitor, MonitorMode mode, int patience, double minDelta, boolean restoreBestWeights) {
        public Options {
            if (monitor == null || mode == null) throw new IllegalArgumentException("EarlyStopping: monitor and mode must be set");
            if (patience < 0) throw new IllegalArgumentException("EarlyStopping: patience must be >= 0, got " + patience);
        }

        public static Options defaults() { return new Options("val_loss", MonitorMode.AUTO, 0, 0, false); }

        public Options withMonitor(String monitor) { return new Options(monitor, mode, patience, minDelta, restoreBestWeights); }
        public Options withMode(MonitorMode mode) { return new Options(monitor, mode, patience, minDelta, restoreBestWeights); }
        public Options withPatience(int patience) { return new Options(monitor, mode, patience, minDelta, restoreBestWeights); }
        public Options withMinDelta(double minDelta) { return new Options(monitor, mode, patience, minDelta, restoreBestWeights); }
        public Options withRestoreBestWeights(boolean restore) { return new Options(monitor, mode, patience, minDelta, restore); }
    }

    private final Options options;
    private final Monitor monitor;
    private Model model;
    private double best;
    private int wait;
    private int bestEpoch;
    private int stoppedEpoch;
    private Map<String, Tensor> bestWeights;

    public EarlyStopping(Options options) {
        this.options = options;
        this.monitor = new Monitor("EarlyStopping", options.monitor(), options.mode(), options.minDelta());
    }

    @Override
    public void onTrainBegin(Model model, TrainingPlan plan) {
        this.model = model;
        best = monitor.worst();
        wait = 0;
        bestEpoch = -1;
        stoppedEpoch = -1;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        double current = monitor.read(logs);
        if (monitor.improves(current, best)) {
            best = current;
            bestEpoch = epoch;
            wait = 0;
            if (options.restoreBestWeights()) bestWeights = snapshot();
        } else if (++wait >= options.patience()) {
            stoppedEpoch = epoch;
            model.stopTraining();
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> lastEpochLogs) {
        if (bestWeights != null) model.module().loadStateDict(bestWeights, true);
    }

    private Map<String, Tensor> snapshot() {
        Map<String, Tensor> copy = new LinkedHashMap<>();
        try (var g = Nabla.noGrad()) {
            model.module().stateDict().forEach((k, v) -> copy.put(k, v.detach().clone()));
        }
        return copy;
    }

    /** The epoch (from 0) whose value was best, -1 before any. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The epoch (from 0) after which training stopped, or -1 if it ran to the end. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    public double best() {
        return best;
    }
}
