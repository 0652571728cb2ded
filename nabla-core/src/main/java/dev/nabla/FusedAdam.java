package dev.nabla;

import dev.nabla.cpu.AdamKernel;
import dev.nabla.cpu.Parallel;

/**
 * The Adam update of one float32 parameter in a single pass over param, grad and the two moment
 * buffers. Written with tensor ops the same update makes about ten passes, each allocating a
 * parameter-sized temporary; for an MLP that was 45% of a training step. The arithmetic is the op
 * path's, in the same order and in float32, so both give the same bits.
 */
public final class FusedAdam {
    /** Elements per parallel piece: a piece streams four arrays, so this is about 1 MiB of traffic. */
    private static final int GRAIN = 1 << 16;

    private FusedAdam() {}

    /**
     * Applies one step in place when every tensor is a float32 of the same size, param and buffers
     * contiguous, and returns whether it did; when not, the caller runs the op-by-op form.
     *
     * @param step the step count including this one (for the bias corrections)
     * @param decoupled weight decay shrinks the parameter (AdamW) instead of adding to the gradient
     */
    public static boolean step(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, long step, double lr, double beta1,
                               double beta2, double eps, double weightDecay, boolean decoupled, boolean maximize) {
        int n = param.numel();
        // A Linear weight's gradient arrives transposed (it is the gradient of weight.t()): one copy
        // makes it readable in order, still far cheaper than the op-by-op update.
        if (grad.dtype() == DType.FLOAT32 && !grad.isBatched() && !grad.isContiguous()) grad = grad.contiguous();
        for (Tensor t : new Tensor[] {param, grad, expAvg, expAvgSq})
            if (t.dtype() != DType.FLOAT32 || !t.isContiguous() || t.numel() != n || t.isBatched()) return false;
        float[] p = param.storage().floats(), g = grad.storage().floats(), m = expAvg.storage().floats(), v = expAvgSq.storage().floats();
        int po = param.offset(), go = grad.offset(), mo = expAvg.offset(), vo = expAvgSq.offset();
        // Every scalar is rounded to float32 as the op path's scalar operands are.
        boolean decay = weightDecay != 0;
        AdamKernel.Coefficients k = new AdamKernel.Coefficients((float) beta1, (float) (1 - beta1), (float) beta2, (float) (1 - beta2),
                (float) Math.sqrt(1 - Math.pow(beta2, step)), (float) eps, (float) (-lr / (1 - Math.pow(beta1, step))),
                decay && !decoupled ? (float) weightDecay : 0f, decay && decoupled ? (float) (1 - lr * weightDecay) : 1f, maximize);
        Parallel.forRange(n, GRAIN, (s, e) -> AdamKernel.update(k, p, po, g, go, m, mo, v, vo, s, e));
        param.storage().bumpVersion();
        expAvg.storage().bumpVersion();
        expAvgSq.storage().bumpVersion();
        return true;
    }
}
