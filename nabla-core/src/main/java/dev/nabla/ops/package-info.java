/**
 * The op catalog: each primitive op is one {@link dev.nabla.ops.Op} with its forward kernel, its
 * backward rule (written in Tensor ops, so it can be differentiated again) and its vmap batching
 * rule; composite ops (mean, var, logsumexp, ...) are written in terms of primitives. Kernels come
 * from {@code dev.nabla.cpu} and from the float32 Vector API loops here.
 */
package dev.nabla.ops;
