package dev.nabla.nn.optim;

import dev.nabla.Tensor;
import java.util.List;
import java.util.OptionalDouble;

/**
 * AdamW (Loshchilov and Hutter): Adam with decoupled weight decay, as PyTorch's {@code torch.optim.AdamW}.
 * Before the Adam step the parameter shrinks by {@code lr * weightDecay} instead of the decay being
 * added to the gradient, so it is not rescaled by the adaptive denominator:
 * <pre>
 * param *= 1 - lr * weightDecay
 * m = beta1 * m + (1 - beta1) * grad;   v = beta2 * v + (1 - beta2) * grad^2   (vmax = max(vmax, v) with amsgrad)
 * param -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * State per parameter: {@code step}, {@code expAvg}, {@code expAvgSq}, {@code maxExpAvgSq} (amsgrad).
 */
public final class AdamW extends Optimizer<AdamW.Options> {
    static final String NAME = "AdamW";

    public AdamW(Iterable<Tensor> params, Options options) {
        super(NAME, params, options);
    }

    public AdamW(List<ParamGroup<Options>> groups) {
        super(NAME, groups);
    }

    /** AdamW's hyper-parameters; {@link #defaults()} are PyTorch's. */
    public record Options(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad, boolean maximize)
            implements OptimizerOptions<Options> {
        public Options {
            OptionChecks.atLeastZero(NAME, "lr", lr);
            OptionChecks.unitInterval(NAME, "beta1", beta1);
            OptionChecks.unitInterval(NAME, "beta2", beta2);
            OptionChecks.atLeastZero(NAME, "eps", eps);
            OptionChecks.atLeastZero(NAME, "weightDecay", weightDecay);
        }

        /** lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 1e-2. */
        public static Options defaults() { return new Options(1e-3, 0.9, 0.999, 1e-8, 1e-2, false, false); }

        @Override public Options withLr(double lr) { return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize); }
        public Options withBetas(double beta1, double beta2) { return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize); }
        public Options withEps(double eps) { return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize); }
        public Options withWeightDecay(double weightDecay) { return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize); }
        public Options withAmsgrad(boolean amsgrad) { return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize); }
        public Options withMaximize(boolean maximize) { return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize); }

        @Override public OptionalDouble momentumTerm() { return OptionalDouble.of(beta1); }
        @Override public Options withMomentumTerm(double beta1) { return withBetas(beta1, beta2); }
    }

    @Override
    protected void update(Tensor param, Tensor grad, ParamState state, Options o) {
        AdamUpdate.apply(param, grad, state, o.lr(), o.beta1(), o.beta2(), o.eps(), o.weightDecay(), true, o.amsgrad(), o.maximize());
    }
}
