package dev.nabla.nn.optim;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradient clipping, as PyTorch's {@code clip_grad_norm_} and {@code clip_grad_value_}. Call between
 * {@code backward()} and {@code step()}. Gradients are replaced by clipped copies rather than
 * scaled in place because autograd may hand the same gradient tensor to several leaves.
 */
public final class GradClipping {
    private GradClipping() {}

    /** {@link #clipGradNorm(Iterable, double, double)} with the Euclidean norm. */
    public static double clipGradNorm(Iterable<Tensor> params, double maxNorm) {
        return clipGradNorm(params, maxNorm, 2.0);
    }

    /**
     * Scales all gradients together so that their joint normType-norm (the norm of the vector of
     * per-tensor norms; {@code Double.POSITIVE_INFINITY} for the largest absolute value) is at most
     * maxNorm. Returns the norm before clipping; parameters without a gradient are skipped.
     */
    public static double clipGradNorm(Iterable<Tensor> params, double maxNorm, double normType) {
        return clipGradNorm(params, maxNorm, normType, false);
    }

    /** As above; with errorIfNonfinite a NaN or infinite total norm throws instead of spreading NaNs. */
    public static double clipGradNorm(Iterable<Tensor> params, double maxNorm, double normType, boolean errorIfNonfinite) {
        List<Tensor> withGrad = new ArrayList<>();
        for (Tensor p : params) if (p.grad() != null) withGrad.add(p);
        if (withGrad.isEmpty()) return 0;
        try (var g = Nabla.noGrad()) {
            Tensor[] norms = new Tensor[withGrad.size()];
            for (int i = 0; i < norms.length; i++) norms[i] = withGrad.get(i).grad().detach().norm(normType).to(DType.FLOAT64);
            double total = Nabla.stack(norms, 0).norm(normType).item();
            if (errorIfNonfinite && !Double.isFinite(total))
                throw new ArithmeticException("clipGradNorm: the total " + normType + "-norm of the gradients is " + total
                        + "; pass errorIfNonfinite = false to clip anyway");
            // The 1e-6 keeps the coefficient finite for zero gradients (PyTorch's constant).
            double coefficient = Math.min(maxNorm / (total + 1e-6), 1.0);
            // Multiplying by exactly 1 changes nothing: skip the copies (but do spread a NaN, as PyTorch does).
            if (!(coefficient >= 1.0))
                for (Tensor p : withGrad) p.setGrad(p.grad().detach().mul(coefficient));
            return total;
        }
    }

    /** Clamps every gradient element into [-clipValue, clipValue]. */
    public static void clipGradValue(Iterable<Tensor> params, double clipValue) {
        if (!(clipValue >= 0)) throw new IllegalArgumentException("clipGradValue: clipValue must be >= 0, got " + clipValue);
        try (var g = Nabla.noGrad()) {
            for (Tensor p : params)
                if (p.grad() != null) p.setGrad(p.grad().detach().clamp(-clipValue, clipValue));
        }
    }
}
