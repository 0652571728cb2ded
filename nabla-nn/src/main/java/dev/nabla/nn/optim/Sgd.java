package dev.nabla.nn.optim;

import dev.nabla.Tensor;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and L2 weight
 * decay; the update is PyTorch's {@code torch.optim.SGD} step for step:
 * <pre>
 * g = grad (+ weightDecay * param)
 * buf = g on the first step, else momentum * buf + (1 - dampening) * g
 * d = nesterov ? g + momentum * buf : buf          (d = g when momentum is 0)
 * param -= lr * d                                   (+= when maximize)
 * </pre>
 * State per parameter: {@code momentumBuffer} (only with momentum).
 */
public final class Sgd extends Optimizer<Sgd.Options> {
    static final String NAME = "SGD";

    public Sgd(Iterable<Tensor> params, Options options) {
        super(NAME, params, options);
    }

    public Sgd(List<ParamGroup<Options>> groups) {
        super(NAME, groups);
    }

    /** SGD's hyper-parameters; {@link #of(double)} gives PyTorch's defaults for a learning rate. */
    public record Options(double lr, double momentum, double dampening, double weightDecay, boolean nesterov, boolean maximize)
            implements OptimizerOptions<Options> {
        public Options {
            OptionChecks.atLeastZero(NAME, "lr", lr);
            OptionChecks.atLeastZero(NAME, "momentum", momentum);
            OptionChecks.atLeastZero(NAME, "weightDecay", weightDecay);
            if (nesterov && (momentum <= 0 || dampening != 0))
                throw new IllegalArgumentException(NAME + ": Nesterov momentum requires momentum > 0 and zero dampening, got momentum "
                        + momentum + " and dampening " + dampening);
        }

        /** Plain SGD at learning rate lr (SGD has no default learning rate). */
        public static Options of(double lr) { return new Options(lr, 0, 0, 0, false, false); }

        @Override public Options withLr(double lr) { return new Options(lr, momentum, dampening, weightDecay, nesterov, maximize); }
        public Options withMomentum(double momentum) { return new Options(lr, momentum, dampening, weightDecay, nesterov, maximize); }
        public Options withDampening(double dampening) { return new Options(lr, momentum, dampening, weightDecay, nesterov, maximize); }
        public Options withWeightDecay(double weightDecay) { return new Options(lr, momentum, dampening, weightDecay, nesterov, maximize); }
        public Options withNesterov(boolean nesterov) { return new Options(lr, momentum, dampening, weightDecay, nesterov, maximize); }
        public Options withMaximize(boolean maximize) { return new Options(lr, momentum, dampening, weightDecay, nesterov, maximize); }

        @Override public OptionalDouble momentumTerm() { return OptionalDouble.of(momentum); }
        @Override public Options withMomentumTerm(double momentum) { return withMomentum(momentum); }
    }

    @Override
    protected void update(Tensor param, Tensor grad, ParamState state, Options o) {
        Tensor d = o.maximize() ? grad.neg() : grad;
        if (o.weightDecay() != 0) d = d.add(param, o.weightDecay());
        if (o.momentum() != 0) {
            Tensor buf = state.bufferOrNull("momentumBuffer");
            if (buf == null) {
                buf = d.clone();
                state.putBuffer("momentumBuffer", buf);
            } else {
                buf.mul_(o.momentum()).add_(d, 1 - o.dampening());
            }
            d = o.nesterov() ? d.add(buf, o.momentum()) : buf;
        }
        param.add_(d, -o.lr());
    }
}
