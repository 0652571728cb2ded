package dev.nabla.nn.keras;

import dev.nabla.Tensor;
import dev.nabla.nn.Losses;
import dev.nabla.nn.Reduction;

/**
 * The training objective: a scalar loss from the model's output and the targets, e.g.
 * {@code Losses::crossEntropy}. The model averages it over an epoch weighted by batch size, so
 * mean-reduced losses give the exact per-sample mean.
 */
@FunctionalInterface
public interface LossFunction {
    Tensor apply(Tensor predictions, Tensor targets);

    /**
     * A loss by its PyTorch-style name: "cross_entropy", "nll", "mse", "mae" (also "l1"), "huber",
     * "smooth_l1", "bce" (on probabilities) or "bce_with_logits".
     */
    static LossFunction named(String name) {
        return switch (name) {
            case "cross_entropy" -> Losses::crossEntropy;
            case "nll" -> Losses::nllLoss;
            case "mse" -> Losses::mseLoss;
            case "mae", "l1" -> Losses::l1Loss;
            case "huber" -> (p, t) -> Losses.huberLoss(p, t, Reduction.MEAN, 1.0);
            case "smooth_l1" -> (p, t) -> Losses.smoothL1Loss(p, t, Reduction.MEAN, 1.0);
            case "bce" -> Losses::binaryCrossEntropy;
            case "bce_with_logits" -> Losses::binaryCrossEntropyWithLogits;
            default -> throw new IllegalArgumentException("unknown loss '" + name + "'; known: cross_entropy, nll, mse, mae, l1, huber, "
                    + "smooth_l1, bce, bce_with_logits (or pass a LossFunction such as Losses::crossEntropy)");
        };
    }
}
