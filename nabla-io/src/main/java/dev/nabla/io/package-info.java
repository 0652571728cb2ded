/**
 * Files for tensors and training: {@link dev.nabla.io.SafeTensors} reads and writes Hugging Face's
 * safetensors format (weights exchanged with PyTorch and the Hugging Face hub), and
 * {@link dev.nabla.io.Checkpoint} saves and restores a whole training run (model, optimizer,
 * scheduler, counters, random generators, user extras) in one safetensors file, so a resumed run is
 * bit-identical to an uninterrupted one. {@link dev.nabla.io.EstimatorFiles} saves fitted nabla-ml
 * estimators the same way: learned arrays as tensors, hyper-parameters as JSON metadata. Every write is atomic; every malformed file fails with an
 * {@link java.io.IOException} naming the file and the problem.
 *
 * <p>Depends on {@code dev.nabla}, {@code dev.nabla.nn} (modules and optimizers supply the state
 * dicts) and {@code dev.nabla.ml} (estimators), and on Jackson for the JSON headers. See docs/io.md.
 */
package dev.nabla.io;
