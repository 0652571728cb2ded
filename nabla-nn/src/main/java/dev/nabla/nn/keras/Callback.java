package dev.nabla.nn.keras;

import java.util.Map;

/**
 * Hooks into {@link Model#fit}. Epoch logs hold the epoch's mean "loss", each metric, "lr" (the first
 * parameter group's learning rate when the epoch's batches are done, before epoch schedulers step) and,
 * with validation data, "val_loss" and "val_" + each metric; callbacks may add entries, which later
 * callbacks and the {@link History} see. Batch logs
 * hold the running means of the epoch so far and "size", the batch's sample count. Callbacks that need
 * the model (its weights, optimizer, or {@link Model#stopTraining()}) keep it from {@link #onTrainBegin}.
 */
public interface Callback {
    default void onTrainBegin(Model model, TrainingPlan plan) {}

    default void onTrainEnd(Map<String, Double> lastEpochLogs) {}

    /** epoch counts from 0. */
    default void onEpochBegin(int epoch) {}

    default void onEpochEnd(int epoch, Map<String, Double> logs) {}

    /** batch counts from 0 within the epoch. */
    default void onBatchBegin(int batch) {}

    default void onBatchEnd(int batch, Map<String, Double> logs) {}

    /**
     * What a fit will do, for callbacks that report progress: the epoch count, batches per epoch (-1
     * when the data is a stream of unknown length), and whether validation runs after each epoch.
     */
    record TrainingPlan(int epochs, int batchesPerEpoch, boolean validates) {}
}
