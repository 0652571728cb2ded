/**
 * CPU kernels: the shared worker pool ({@link dev.nabla.cpu.Parallel}), Vector API detection
 * ({@link dev.nabla.cpu.Simd}) and GEMM, with an optional system BLAS found at run time.
 * Depends on nothing else in Nabla.
 */
package dev.nabla.cpu;
