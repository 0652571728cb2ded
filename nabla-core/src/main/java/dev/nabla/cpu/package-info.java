/**
 * CPU kernels — Vector API, shared thread pool, optional native BLAS; depends on nothing else in
 * Nabla.
 */
package dev.nabla.cpu;
