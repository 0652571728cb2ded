/**
 * Training the parameters: optimizers ({@link dev.nabla.nn.optim.Sgd}, {@link dev.nabla.nn.optim.Adam},
 * {@link dev.nabla.nn.optim.AdamW}, {@link dev.nabla.nn.optim.RmsProp}, {@link dev.nabla.nn.optim.Adagrad})
 * over {@link dev.nabla.nn.optim.ParamGroup}s with per-group hyper-parameters and state dicts;
 * learning-rate schedulers ({@link dev.nabla.nn.optim.LrScheduler} and its subclasses,
 * {@link dev.nabla.nn.optim.ReduceLROnPlateau}); and gradient clipping
 * ({@link dev.nabla.nn.optim.GradClipping}). Update rules and schedules follow PyTorch 1.13 exactly,
 * so a run ported from PyTorch follows the same trajectory.
 *
 * <p>Optimizers take parameters as plain tensors, not modules, so this package depends only on
 * nabla-core.
 */
package dev.nabla.nn.optim;
