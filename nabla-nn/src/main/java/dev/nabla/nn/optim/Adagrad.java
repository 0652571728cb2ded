package dev.nabla.nn.optim;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.List;

/**
 * Adagrad (Duchi et al.), as PyTorch's {@code torch.optim.Adagrad}:
 * <pre>
 * g = grad (+ weightDecay * param)
 * clr = lr / (1 + (t - 1) * lrDecay)
 * sum += g^2                      (sum starts at initialAccumulatorValue)
 * param -= clr * g / (sqrt(sum) + eps)
 * </pre>
 * State per parameter: {@code step}, {@code sum}. The accumulator starts at its own group's
 * initialAccumulatorValue (PyTorch 1.13 uses the constructor's value for every group).
 */
public final class Adagrad extends Optimizer<Adagrad.Options> {
    static final String NAME = "Adagrad";

    public Adagrad(Iterable<Tensor> params, Options options) {
        super(NAME, params, options);
    }

    public Adagrad(List<ParamGroup<Options>> groups) {
        super(NAME, groups);
    }

    /** Adagrad's hyper-parameters; {@link #defaults()} are PyTorch's. */
    public record Options(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps, boolean maximize)
            implements OptimizerOptions<Options> {
        public Options {
            OptionChecks.atLeastZero(NAME, "lr", lr);
            OptionChecks.atLeastZero(NAME, "lrDecay", lrDecay);
            OptionChecks.atLeastZero(NAME, "weightDecay", weightDecay);
            OptionChecks.atLeastZero(NAME, "initialAccumulatorValue", initialAccumulatorValue);
            OptionChecks.atLeastZero(NAME, "eps", eps);
        }

        /** lr 1e-2, no lr decay or weight decay, accumulator starting at 0, eps 1e-10. */
        public static Options defaults() { return new Options(1e-2, 0, 0, 0, 1e-10, false); }

        @Override public Options withLr(double lr) { return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize); }
        public Options withLrDecay(double lrDecay) { return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize); }
        public Options withWeightDecay(double weightDecay) { return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize); }
        public Options withInitialAccumulatorValue(double value) { return new Options(lr, lrDecay, weightDecay, value, eps, maximize); }
        public Options withEps(double eps) { return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize); }
        public Options withMaximize(boolean maximize) { return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize); }
    }

    @Override
    protected void update(Tensor param, Tensor grad, ParamState state, Options o) {
        Tensor g = o.maximize() ? grad.neg() : grad;
        Tensor sum = state.buffer("sum", () -> Nabla.fullLike(param, o.initialAccumulatorValue()));
        long step = state.incrementStep();
        if (o.weightDecay() != 0) g = g.add(param, o.weightDecay());

        double clr = o.lr() / (1 + (step - 1) * o.lrDecay());
        sum.add_(g.mul(g));
        param.add_(g.div(sum.sqrt().add(o.eps())), -clr);
    }
}
