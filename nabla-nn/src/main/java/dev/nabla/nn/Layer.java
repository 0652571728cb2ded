package dev.nabla.nn;

import dev.nabla.Tensor;

/**
 * A module with one tensor in and one tensor out: most layers, and what {@link Sequential} chains.
 * Modules with other signatures (losses, recurrent layers, attention) extend {@link Module} directly.
 */
public abstract class Layer extends Module {
    public abstract Tensor forward(Tensor x);
}
