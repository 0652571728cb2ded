package dev.nabla.nn.optim;

import dev.nabla.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Parameters that share hyper-parameters, like a PyTorch param group: e.g. a pretrained backbone
 * with a small learning rate and a fresh head with a larger one. The options are replaced, never
 * mutated, so a scheduler's change is one assignment.
 *
 * @param <O> the optimizer's options type
 */
public final class ParamGroup<O extends OptimizerOptions<O>> {
    private final List<Tensor> params;
    private O options;
    // The lr schedulers count from (PyTorch's group['initial_lr']): set by the first scheduler
    // attached, shared by the next ones so that chained schedulers agree on the base.
    private Double initialLr;

    public ParamGroup(Iterable<Tensor> params, O options) {
        List<Tensor> list = new ArrayList<>();
        for (Tensor p : params) list.add(Objects.requireNonNull(p, "ParamGroup: a parameter is null"));
        this.params = Collections.unmodifiableList(list);
        this.options = Objects.requireNonNull(options, "ParamGroup: options are null");
    }

    public static <O extends OptimizerOptions<O>> ParamGroup<O> of(Iterable<Tensor> params, O options) {
        return new ParamGroup<>(params, options);
    }

    public List<Tensor> params() { return params; }

    public O options() { return options; }

    public void setOptions(O options) { this.options = Objects.requireNonNull(options, "ParamGroup: options are null"); }

    public double lr() { return options.lr(); }

    public void setLr(double lr) { options = options.withLr(lr); }

    public OptionalDouble momentumTerm() { return options.momentumTerm(); }

    public void setMomentumTerm(double momentum) { options = options.withMomentumTerm(momentum); }

    /** The learning rate schedulers start from; empty until a scheduler is attached. */
    public OptionalDouble initialLr() { return initialLr == null ? OptionalDouble.empty() : OptionalDouble.of(initialLr); }

    public void setInitialLr(double lr) { initialLr = lr; }

    void clearInitialLr() { initialLr = null; }
}
