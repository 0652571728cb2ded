package dev.nabla.nn;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.Arrays;

/**
 * Loss functions, PyTorch's {@code torch.nn.functional} losses with the same formulas, reductions and
 * edge cases (ignored targets, label smoothing, class and positive weights). Written as composites of
 * differentiable tensor ops, so their gradients come from autograd.
 */
public final class Losses {
    /** PyTorch's default ignore_index: a class index that never occurs. */
    public static final int NO_IGNORE = -100;

    private Losses() {}

    // ------------------------------------------------------------------ regression

    public static Tensor mseLoss(Tensor input, Tensor target) { return mseLoss(input, target, Reduction.MEAN); }

    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        sameShape("mse_loss", input, target);
        return reduce("mse_loss", input.sub(target).square(), reduction);
    }

    public static Tensor l1Loss(Tensor input, Tensor target) { return l1Loss(input, target, Reduction.MEAN); }

    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        sameShape("l1_loss", input, target);
        return reduce("l1_loss", input.sub(target).abs(), reduction);
    }

    /** 0.5 d^2 / beta where |d| < beta, |d| - 0.5 beta elsewhere; beta = 0 is the L1 loss. */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        sameShape("smooth_l1_loss", input, target);
        if (beta < 0) throw new IllegalArgumentException("smooth_l1_loss: beta must be non-negative, got " + beta);
        Tensor d = input.sub(target), a = d.abs();
        if (beta == 0) return reduce("smooth_l1_loss", a, reduction);
        return reduce("smooth_l1_loss", Nabla.where(a.lt(beta), d.square().mul(0.5 / beta), a.sub(0.5 * beta)), reduction);
    }

    /** 0.5 d^2 where |d| < delta, delta (|d| - 0.5 delta) elsewhere. */
    public static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        sameShape("huber_loss", input, target);
        if (!(delta > 0)) throw new IllegalArgumentException("huber_loss: delta must be positive, got " + delta);
        Tensor d = input.sub(target), a = d.abs();
        return reduce("huber_loss", Nabla.where(a.lt(delta), d.square().mul(0.5), a.sub(0.5 * delta).mul(delta)), reduction);
    }

    // ------------------------------------------------------------------ classification

    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return crossEntropy(input, target, null, NO_IGNORE, Reduction.MEAN, 0);
    }

    /**
     * Cross entropy of logits input [N, C, d...] (or [C]) against class indices [N, d...] (integer) or class
     * probabilities shaped like input (floating). weight (may be null) rescales each class; targets equal to
     * ignoreIndex contribute nothing (index targets only); labelSmoothing mixes the target with the uniform
     * distribution. The mean over index targets is weighted: sum(w_y * loss) / sum(w_y), as PyTorch.
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, int ignoreIndex, Reduction reduction, double labelSmoothing) {
        String op = "cross_entropy";
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1))
            throw new IllegalArgumentException(op + ": labelSmoothing must be in [0, 1], got " + labelSmoothing);
        noBatchMean(op, reduction);
        boolean unbatched = input.dim() == 1;
        Tensor x = unbatched ? input.unsqueeze(0) : input;
        Tensor t = unbatched ? target.unsqueeze(0) : target;
        int classes = x.size(1);
        checkWeight(op, weight, classes);
        Tensor logp = x.logSoftmax(1);
        Tensor out;
        if (t.dtype().isFloatingPoint()) {
            if (!Arrays.equals(t.shape(), x.shape()))
                throw new IllegalArgumentException(op + ": probability targets must have the input's shape " + Arrays.toString(input.shape())
                        + ", got " + Arrays.toString(target.shape()));
            if (labelSmoothing > 0) t = t.mul(1 - labelSmoothing).add(labelSmoothing / classes);
            Tensor terms = logp.mul(t);
            if (weight != null) terms = terms.mul(classShaped(weight, x.dim()));
            Tensor loss = terms.sum(1).neg();
            // The mean is over examples (and positions), never weighted, for probability targets.
            out = reduction == Reduction.MEAN ? loss.mean() : reduce(op, loss, reduction);
        } else {
            Tensor nll = nllLoss(logp, t, weight, ignoreIndex, reduction, op);
            if (labelSmoothing == 0) {
                out = nll;
            } else {
                Tensor valid = t.ne(ignoreIndex);
                Tensor terms = weight == null ? logp : logp.mul(classShaped(weight, x.dim()));
                Tensor smooth = terms.sum(1).neg().mul(valid.to(logp.dtype()));
                Tensor smoothReduced = switch (reduction) {
                    case NONE -> smooth;
                    case SUM -> smooth.sum();
                    default -> smooth.sum().div(weightsOfTargets(t, weight, valid, logp.dtype()).sum());
                };
                out = nll.mul(1 - labelSmoothing).add(smoothReduced.mul(labelSmoothing / classes));
            }
        }
        return unbatched && reduction == Reduction.NONE ? out.squeeze(0) : out;
    }

    public static Tensor nllLoss(Tensor input, Tensor target) {
        return nllLoss(input, target, null, NO_IGNORE, Reduction.MEAN);
    }

    /** Negative log likelihood of log-probabilities input [N, C, d...] (or [C]) at integer targets [N, d...]. */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, int ignoreIndex, Reduction reduction) {
        noBatchMean("nll_loss", reduction);
        boolean unbatched = input.dim() == 1;
        Tensor x = unbatched ? input.unsqueeze(0) : input;
        checkWeight("nll_loss", weight, x.size(1));
        Tensor out = nllLoss(x, unbatched ? target.unsqueeze(0) : target, weight, ignoreIndex, reduction, "nll_loss");
        return unbatched && reduction == Reduction.NONE ? out.squeeze(0) : out;
    }

    private static Tensor nllLoss(Tensor logp, Tensor target, Tensor weight, int ignoreIndex, Reduction reduction, String op) {
        checkTargets(op, logp, target, ignoreIndex);
        Tensor valid = target.ne(ignoreIndex);
        // Ignored positions look up class 0 and are then zeroed, so gather never sees an out-of-range index.
        Tensor safe = Nabla.where(valid, target, Nabla.zerosLike(target));
        Tensor picked = logp.gather(1, safe.unsqueeze(1)).squeeze(1);
        Tensor w = weightsOfTargets(safe, weight, valid, logp.dtype());
        Tensor loss = picked.mul(w).neg();
        return switch (reduction) {
            case NONE -> loss;
            case SUM -> loss.sum();
            default -> loss.sum().div(w.sum());
        };
    }

    /** The class weight of each target (1 without weights), zero where the target is ignored. */
    private static Tensor weightsOfTargets(Tensor target, Tensor weight, Tensor valid, DType dtype) {
        Tensor mask = valid.to(dtype);
        if (weight == null) return mask;
        Tensor safe = Nabla.where(valid, target, Nabla.zerosLike(target));
        return weight.to(dtype).indexSelect(0, safe.reshape(-1)).reshape(target.shape()).mul(mask);
    }

    private static void checkTargets(String op, Tensor logp, Tensor target, int ignoreIndex) {
        int[] expected = new int[logp.dim() - 1];
        int[] s = logp.shape();
        expected[0] = s[0];
        System.arraycopy(s, 2, expected, 1, s.length - 2);
        if (!Arrays.equals(target.shape(), expected))
            throw new IllegalArgumentException(op + ": for input of shape " + Arrays.toString(s) + " expected class-index targets of shape "
                    + Arrays.toString(expected) + ", got " + Arrays.toString(target.shape()));
        if (target.dtype() != DType.INT64 && target.dtype() != DType.INT32)
            throw new IllegalArgumentException(op + ": class-index targets must be int64 (or int32), got " + target.dtype());
        int classes = s[1];
        for (long v : target.toLongArray())
            if (v != ignoreIndex && (v < 0 || v >= classes))
                throw new IllegalArgumentException(op + ": target " + v + " is out of bounds for " + classes + " classes");
    }

    private static void checkWeight(String op, Tensor weight, int classes) {
        if (weight != null && (weight.dim() != 1 || weight.size(0) != classes))
            throw new IllegalArgumentException(op + ": weight must be 1-D with one entry per class (" + classes + "), got shape "
                    + Arrays.toString(weight.shape()));
    }

    /** weight [C] viewed as [1, C, 1, ...] to broadcast against [N, C, d...]. */
    private static Tensor classShaped(Tensor weight, int rank) {
        int[] shape = new int[rank];
        Arrays.fill(shape, 1);
        shape[1] = weight.size(0);
        return weight.reshape(shape);
    }

    // ------------------------------------------------------------------ binary

    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return binaryCrossEntropy(input, target, null, Reduction.MEAN);
    }

    /** -w (t log x + (1 - t) log(1 - x)) for probabilities x, with the logs clamped at -100 as PyTorch does. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        String op = "binary_cross_entropy";
        sameShape(op, input, target);
        if (input.numel() > 0 && (input.min().item() < 0 || input.max().item() > 1))
            throw new IllegalArgumentException(op + ": all elements of input should be between 0 and 1 (apply sigmoid, or use binaryCrossEntropyWithLogits)");
        Tensor logX = input.log().clampMin(-100), log1mX = input.rsub(1).log().clampMin(-100);
        Tensor loss = target.mul(logX).add(target.rsub(1).mul(log1mX)).neg();
        if (weight != null) loss = loss.mul(weight);
        return reduce(op, loss, reduction);
    }

    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return binaryCrossEntropyWithLogits(input, target, null, null, Reduction.MEAN);
    }

    /**
     * Sigmoid and binary cross entropy in one stable formula: (1 - t) x + l (log(1 + exp(-|x|)) + max(-x, 0)),
     * l = 1 + (posWeight - 1) t. posWeight (may be null) weighs the positive term, broadcast over the last dim.
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight, Reduction reduction) {
        String op = "binary_cross_entropy_with_logits";
        sameShape(op, input, target);
        Tensor softplusNeg = input.abs().neg().exp().log1p().add(input.neg().relu());
        Tensor positive = posWeight == null ? softplusNeg : posWeight.sub(1).mul(target).add(1).mul(softplusNeg);
        Tensor loss = target.rsub(1).mul(input).add(positive);
        if (weight != null) loss = loss.mul(weight);
        return reduce(op, loss, reduction);
    }

    // ------------------------------------------------------------------ divergence

    public static Tensor klDiv(Tensor input, Tensor target, Reduction reduction) {
        return klDiv(input, target, reduction, false);
    }

    /**
     * KL(target || exp(input)) per element for log-probabilities input: target (log target - input), or with
     * logTarget exp(target) (target - input). Terms with target = 0 are 0. BATCH_MEAN divides by size(0).
     */
    public static Tensor klDiv(Tensor input, Tensor target, Reduction reduction, boolean logTarget) {
        String op = "kl_div";
        sameShape(op, input, target);
        Tensor loss;
        if (logTarget) {
            loss = target.exp().mul(target.sub(input));
        } else {
            Tensor positive = target.gt(0);
            // log of a safe value where target is 0, so neither the value nor its gradient becomes NaN
            Tensor safe = Nabla.where(positive, target, Nabla.onesLike(target));
            Tensor xlogx = Nabla.where(positive, safe.mul(safe.log()), Nabla.zerosLike(target));
            loss = xlogx.sub(target.mul(input));
        }
        if (reduction == Reduction.BATCH_MEAN) return input.dim() == 0 ? loss.sum() : loss.sum().div(input.size(0));
        return reduce(op, loss, reduction);
    }

    // ------------------------------------------------------------------ helpers

    private static void sameShape(String op, Tensor input, Tensor target) {
        if (!Arrays.equals(input.shape(), target.shape()))
            throw new IllegalArgumentException(op + ": target shape " + Arrays.toString(target.shape()) + " must equal input shape "
                    + Arrays.toString(input.shape()));
    }

    private static void noBatchMean(String op, Reduction reduction) {
        if (reduction == Reduction.BATCH_MEAN)
            throw new IllegalArgumentException(op + ": reduction BATCH_MEAN is only defined for kl_div; use MEAN, SUM or NONE");
    }

    private static Tensor reduce(String op, Tensor loss, Reduction reduction) {
        return switch (reduction) {
            case NONE -> loss;
            case MEAN -> loss.mean();
            case SUM -> loss.sum();
            case BATCH_MEAN -> throw new IllegalArgumentException(op + ": reduction BATCH_MEAN is only defined for kl_div; use MEAN, SUM or NONE");
        };
    }
}
