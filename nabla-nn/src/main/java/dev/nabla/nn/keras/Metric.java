package dev.nabla.nn.keras;

import dev.nabla.Tensor;

/**
 * A streaming metric: {@link #update} folds in one batch, {@link #result} reads the value over every
 * batch since the last {@link #reset}. The model resets its metrics at the start of each epoch and
 * before validation, so one instance serves both (the validation value is logged as "val_" + name).
 * Predictions and targets arrive detached, outside autograd.
 */
public interface Metric {
    /** The key in logs and {@link History}, e.g. "accuracy". */
    String name();

    void update(Tensor predictions, Tensor targets);

    /** The value over all updates since the last reset; NaN before any update. */
    double result();

    void reset();
}
