/**
 * Nabla's core: {@link dev.nabla.Tensor}, dtypes and storage, the dispatcher that runs every op
 * through the right interpreter (kernel, autograd tape, vmap batching), the reverse-mode engine, the
 * function transforms and the {@link dev.nabla.Nabla} / {@link dev.nabla.Functional} entry points.
 * Depends on {@code dev.nabla.ops} (the op catalog) and {@code dev.nabla.cpu} (kernels, threads).
 */
package dev.nabla;
