/**
 * Dense linear-algebra helpers shared by the unsupervised estimators: matrix products split over
 * {@link dev.nabla.cpu.Parallel} on the {@link dev.nabla.cpu.Gemm} kernels (never EJML's GEMM), and
 * orthonormalisation of tall blocks.
 */
package dev.nabla.ml.linalg;
