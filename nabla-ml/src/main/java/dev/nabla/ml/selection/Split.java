package dev.nabla.ml.selection;

import dev.nabla.Nabla;
import dev.nabla.Tensor;

/** One train / test partition of sample indices. */
public record Split(int[] train, int[] test) {
    /**
     * The rows of t (1-D or 2-D) at these indices, same dtype. Copies through float64, which is exact
     * for every dtype a dataset holds (int64 labels below 2^53); Tensor.indexSelect is not in core yet.
     */
    public static Tensor rows(Tensor t, int[] index) {
        double[] all = t.toDoubleArray();
        int width = t.dim() == 1 ? 1 : t.size(1);
        double[] out = new double[index.length * width];
        for (int r = 0; r < index.length; r++) System.arraycopy(all, index[r] * width, out, r * width, width);
        Tensor picked = t.dim() == 1 ? Nabla.tensor(out, index.length) : Nabla.tensor(out, index.length, width);
        return picked.to(t.dtype());
    }
}
