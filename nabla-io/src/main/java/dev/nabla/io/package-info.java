/**
 * Files for tensors and training: {@link dev.nabla.io.SafeTensors} reads and writes Hugging Face's
 * safetensors format (weights exchanged with PyTorch and the Hugging Face hub), and
 * {@link dev.nabla.io.Checkpoint} saves and restores a whole training run (model, optimizer,
 * scheduler, counters, random generators, user extras) in one safetensors file, so a resumed run is
 * bit-identical to an uninterrupted one. Every write is atomic; every malformed file fails with an
 * {@link java.io.IOException} naming the file and the problem.
 *
 * <p>Depends on {@code dev.nabla} and {@code dev.nabla.nn} (modules and optimizers supply the state
 * dicts), and on Jackson for the JSON headers. See docs/io.md.
 */
package dev.nabla.io;
