package dev.nabla.nn.optim;

import dev.nabla.FusedAdam;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/**
 * The Adam step that Adam and AdamW share; they differ only in how weight decay enters (added to the
 * gradient, or decoupled: the parameter shrinks by lr * weightDecay before the step).
 * Follows PyTorch 1.13's {@code _single_tensor_adam(w)}, including where eps sits: outside the
 * bias-corrected square root. Dense float32 parameters without AMSGrad take the single-pass
 * {@link FusedAdam}, which gives the same bits; the tensor-op form below is the definition and the fallback.
 */
final class AdamUpdate {
    private AdamUpdate() {}

    static void apply(Tensor param, Tensor grad, ParamState state, double lr, double beta1, double beta2, double eps,
                      double weightDecay, boolean decoupled, boolean amsgrad, boolean maximize) {
        Tensor expAvg = state.buffer("expAvg", () -> Nabla.zerosLike(param));
        Tensor expAvgSq = state.buffer("expAvgSq", () -> Nabla.zerosLike(param));
        long step = state.incrementStep();
        if (!amsgrad && FusedAdam.step(param, grad, expAvg, expAvgSq, step, lr, beta1, beta2, eps, weightDecay, decoupled, maximize))
            return;
        Tensor g = maximize ? grad.neg() : grad;

        if (weightDecay != 0) {
            if (decoupled) param.mul_(1 - lr * weightDecay);
            else g = g.add(param, weightDecay);
        }
        expAvg.mul_(beta1).add_(g, 1 - beta1);
        expAvgSq.mul_(beta2).add_(g.mul(g), 1 - beta2);

        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        Tensor second = expAvgSq;
        if (amsgrad) {
            Tensor max = state.buffer("maxExpAvgSq", () -> Nabla.zerosLike(param));
            max.copy_(max.maximum(expAvgSq));
            second = max;
        }
        Tensor denom = second.sqrt().div(biasCorrection2Sqrt).add(eps);
        param.add_(expAvg.div(denom), -lr / biasCorrection1);
    }
}
