package dev.nabla.ml.selection;

import dev.nabla.Nabla;
import dev.nabla.Tensor;

/** One train / test partition of sample indices. */
public record Split(int[] train, int[] test) {
    /** The rows of t (1-D or 2-D) at these indices, same dtype. */
    public static Tensor rows(Tensor t, int[] index) {
        return t.indexSelect(0, Nabla.tensor(index, index.length));
    }
}
