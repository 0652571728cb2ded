package dev.nabla.nn.keras;

import dev.nabla.nn.optim.LrScheduler;
import dev.nabla.nn.optim.Optimizer;
import dev.nabla.nn.optim.ParamGroup;
import java.util.Map;
import java.util.function.Function;

/**
 * Changes the learning rate during fit: steps one of nabla-nn's {@link LrScheduler}s after every
 * epoch or every batch (as a PyTorch loop calls {@code scheduler.step()}), or, Keras's way, sets each
 * group's rate to {@code schedule(epoch, currentLr)} before every epoch.
 */
public final class LearningRateScheduler implements Callback {
    /** When a scheduler steps: after each epoch, or after each optimizer step (schedules counted in batches). */
    public enum Every { EPOCH, BATCH }

    /** Keras's schedule: the learning rate for epoch (from 0), given the current one. */
    @FunctionalInterface
    public interface EpochSchedule {
        double lr(int epoch, double currentLr);
    }

    private final Function<Optimizer<?>, LrScheduler> factory;
    private final Every every;
    private final EpochSchedule schedule;
    private LrScheduler scheduler;
    private Model model;

    private LearningRateScheduler(Function<Optimizer<?>, LrScheduler> factory, Every every, EpochSchedule schedule) {
        this.factory = factory;
        this.every = every;
        this.schedule = schedule;
    }

    /** Steps scheduler, already built over the compiled optimizer. */
    public static LearningRateScheduler of(LrScheduler scheduler, Every every) {
        return new LearningRateScheduler(optimizer -> scheduler, every, null);
    }

    /**
     * Builds the scheduler over the model's optimizer when training begins, for models compiled with an
     * optimizer by name: {@code of(opt -> new StepLR(opt, 10, 0.5), Every.EPOCH)}.
     */
    public static LearningRateScheduler of(Function<Optimizer<?>, LrScheduler> factory, Every every) {
        return new LearningRateScheduler(factory, every, null);
    }

    public static LearningRateScheduler of(EpochSchedule schedule) {
        return new LearningRateScheduler(null, Every.EPOCH, schedule);
    }

    @Override
    public void onTrainBegin(Model model, TrainingPlan plan) {
        this.model = model;
        if (factory != null && scheduler == null) scheduler = factory.apply(model.optimizer());
    }

    @Override
    public void onEpochBegin(int epoch) {
        if (schedule == null) return;
        for (ParamGroup<?> g : model.optimizer().paramGroups()) {
            double lr = schedule.lr(epoch, g.lr());
            if (!(lr >= 0)) throw new IllegalArgumentException("LearningRateScheduler: the schedule gave lr " + lr + " for epoch " + epoch);
            g.setLr(lr);
        }
    }

    @Override
    public void onBatchEnd(int batch, Map<String, Double> logs) {
        if (scheduler != null && every == Every.BATCH) scheduler.step();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (scheduler != null && every == Every.EPOCH) scheduler.step();
    }
}
