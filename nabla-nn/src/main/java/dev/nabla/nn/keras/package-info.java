/**
 * Keras-style training on top of {@link dev.nabla.nn.Module}: {@link dev.nabla.nn.keras.Model} wraps a
 * layer (or a module and a forward function for several inputs) and gives it {@code compile},
 * {@code fit}, {@code evaluate}, {@code predict} and {@code summary}; {@link dev.nabla.nn.keras.Callback}s
 * (early stopping, checkpoints, learning-rate schedules, CSV logs, a progress bar) hook into the
 * training loop; {@link dev.nabla.nn.keras.Metrics} are streaming and reset every epoch;
 * {@link dev.nabla.nn.keras.History} keeps per-epoch logs and plots them.
 *
 * <p>Depends on {@code dev.nabla}, {@code dev.nabla.data} (batches, .npz checkpoints),
 * {@code dev.nabla.nn}, {@code dev.nabla.nn.optim}, and JFreeChart for the plots.
 */
package dev.nabla.nn.keras;
