package dev.nabla.nn;

import dev.nabla.Tensor;

/** A loss as a module: {@code forward(input, target)}; the formulas live in {@link Losses}. */
public abstract class Loss extends Module {
    protected final Reduction reduction;

    protected Loss(Reduction reduction) {
        this.reduction = java.util.Objects.requireNonNull(reduction, "reduction");
    }

    public abstract Tensor forward(Tensor input, Tensor target);

    public Reduction reduction() {
        return reduction;
    }
}
