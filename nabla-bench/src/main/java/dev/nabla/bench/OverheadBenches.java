package dev.nabla.bench;

import static dev.nabla.bench.BenchResult.params;

import dev.nabla.Functional;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/**
 * Fixed per-op costs: with 1-element tensors the arithmetic is free, so what is left is dispatch,
 * shape checks, allocation and (with grad on) recording the op on the autograd tape. Small models
 * and optimizer loops live or die by these numbers.
 */
final class OverheadBenches {
    private OverheadBenches() {}

    /** One a + b on 1-element float32 tensors, with or without requiresGrad on the inputs. */
    static BenchResult addOverhead(Measure.Budget budget, boolean grad) {
        Tensor a = Nabla.tensor(new float[] {1.5f}, 1).requiresGrad(grad);
        Tensor b = Nabla.tensor(new float[] {2.5f}, 1).requiresGrad(grad);
        double ns = Measure.medianNanos(() -> a.add(b), budget);
        return BenchResult.of("op_overhead", params("op", "add", "n", 1, "grad", grad), ns, "ns");
    }

    /** One training step's worth of autograd on a tiny layer: linear, sum, backward (grads reset each time). */
    static BenchResult linearForwardBackward(Measure.Budget budget, int in, int out, int batch) {
        Tensor x = Nabla.randn(batch, in);
        Tensor w = Nabla.randn(out, in).requiresGrad(true);
        Tensor b = Nabla.randn(out).requiresGrad(true);
        double ns = Measure.medianNanos(() -> {
            w.zeroGrad();
            b.zeroGrad();
            Functional.linear(x, w, b).sum().backward();
            return w.grad();
        }, budget);
        return BenchResult.of("linear_fwd_bwd", params("in", in, "out", out, "batch", batch), ns / 1e3, "us");
    }
}
