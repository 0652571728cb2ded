package dev.nabla.data;

import dev.nabla.Tensor;
import java.util.Arrays;

/** Tensors that share their first dimension; sample i is the row i of each (PyTorch's {@code TensorDataset}). */
public final class TensorDataset implements Dataset<Tensor[]> {
    private final Tensor[] tensors;

    public TensorDataset(Tensor... tensors) {
        if (tensors.length == 0) throw new IllegalArgumentException("TensorDataset: needs at least one tensor");
        for (int k = 0; k < tensors.length; k++) {
            if (tensors[k].dim() == 0)
                throw new IllegalArgumentException("TensorDataset: tensor " + k + " is 0-dim; every tensor needs a sample dimension 0");
            if (tensors[k].size(0) != tensors[0].size(0))
                throw new IllegalArgumentException("TensorDataset: tensor " + k + " has shape " + Arrays.toString(tensors[k].shape())
                        + ", tensor 0 has " + Arrays.toString(tensors[0].shape()) + "; dimension 0 must match");
        }
        this.tensors = tensors.clone();
    }

    @Override
    public int size() {
        return tensors[0].size(0);
    }

    /** Views (no copy) of row i of each tensor. */
    @Override
    public Tensor[] get(int i) {
        Tensor[] row = new Tensor[tensors.length];
        for (int k = 0; k < tensors.length; k++) row[k] = tensors[k].select(0, i);
        return row;
    }

    public Tensor[] tensors() {
        return tensors.clone();
    }
}
