package dev.nabla.nn.optim;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.List;
import java.util.OptionalDouble;

/**
 * RMSprop (Hinton), optionally centered and with momentum, as PyTorch's {@code torch.optim.RMSprop}:
 * <pre>
 * g = grad (+ weightDecay * param)
 * v = alpha * v + (1 - alpha) * g^2
 * avg = sqrt(v - gAvg^2) + eps  with centered (gAvg = alpha * gAvg + (1 - alpha) * g), else sqrt(v) + eps
 * buf = momentum * buf + g / avg;  param -= lr * buf      (with momentum > 0)
 * param -= lr * g / avg                                    (otherwise)
 * </pre>
 * State per parameter: {@code step}, {@code squareAvg}, {@code momentumBuffer} (momentum > 0),
 * {@code gradAvg} (centered).
 */
public final class RmsProp extends Optimizer<RmsProp.Options> {
    static final String NAME = "RMSprop";

    public RmsProp(Iterable<Tensor> params, Options options) {
        super(NAME, params, options);
    }

    public RmsProp(List<ParamGroup<Options>> groups) {
        super(NAME, groups);
    }

    /** RMSprop's hyper-parameters; {@link #defaults()} are PyTorch's. */
    public record Options(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered, boolean maximize)
            implements OptimizerOptions<Options> {
        public Options {
            OptionChecks.atLeastZero(NAME, "lr", lr);
            OptionChecks.atLeastZero(NAME, "alpha", alpha);
            OptionChecks.atLeastZero(NAME, "eps", eps);
            OptionChecks.atLeastZero(NAME, "weightDecay", weightDecay);
            OptionChecks.atLeastZero(NAME, "momentum", momentum);
        }

        /** lr 1e-2, alpha 0.99, eps 1e-8, no weight decay or momentum, not centered. */
        public static Options defaults() { return new Options(1e-2, 0.99, 1e-8, 0, 0, false, false); }

        @Override public Options withLr(double lr) { return new Options(lr, alpha, eps, weightDecay, momentum, centered, maximize); }
        public Options withAlpha(double alpha) { return new Options(lr, alpha, eps, weightDecay, momentum, centered, maximize); }
        public Options withEps(double eps) { return new Options(lr, alpha, eps, weightDecay, momentum, centered, maximize); }
        public Options withWeightDecay(double weightDecay) { return new Options(lr, alpha, eps, weightDecay, momentum, centered, maximize); }
        public Options withMomentum(double momentum) { return new Options(lr, alpha, eps, weightDecay, momentum, centered, maximize); }
        public Options withCentered(boolean centered) { return new Options(lr, alpha, eps, weightDecay, momentum, centered, maximize); }
        public Options withMaximize(boolean maximize) { return new Options(lr, alpha, eps, weightDecay, momentum, centered, maximize); }

        @Override public OptionalDouble momentumTerm() { return OptionalDouble.of(momentum); }
        @Override public Options withMomentumTerm(double momentum) { return withMomentum(momentum); }
    }

    @Override
    protected void update(Tensor param, Tensor grad, ParamState state, Options o) {
        Tensor g = o.maximize() ? grad.neg() : grad;
        Tensor squareAvg = state.buffer("squareAvg", () -> Nabla.zerosLike(param));
        state.incrementStep();
        if (o.weightDecay() != 0) g = g.add(param, o.weightDecay());

        squareAvg.mul_(o.alpha()).add_(g.mul(g), 1 - o.alpha());
        Tensor avg;
        if (o.centered()) {
            Tensor gradAvg = state.buffer("gradAvg", () -> Nabla.zerosLike(param));
            gradAvg.mul_(o.alpha()).add_(g, 1 - o.alpha());
            avg = squareAvg.sub(gradAvg.mul(gradAvg)).sqrt();
        } else {
            avg = squareAvg.sqrt();
        }
        avg = avg.add(o.eps());

        if (o.momentum() > 0) {
            Tensor buf = state.buffer("momentumBuffer", () -> Nabla.zerosLike(param));
            buf.mul_(o.momentum()).add_(g.div(avg));
            param.add_(buf, -o.lr());
        } else {
            param.add_(g.div(avg), -o.lr());
        }
    }
}
