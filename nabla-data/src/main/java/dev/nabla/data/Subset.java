package dev.nabla.data;

import java.util.Arrays;

/** The samples of a dataset at the given indices, in that order. */
public final class Subset<T> implements Dataset<T> {
    private final Dataset<T> dataset;
    private final int[] indices;

    public Subset(Dataset<T> dataset, int... indices) {
        for (int i : indices)
            if (i < 0 || i >= dataset.size())
                throw new IndexOutOfBoundsException("Subset: index " + i + " out of range for a dataset of size " + dataset.size());
        this.dataset = dataset;
        this.indices = indices.clone();
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public T get(int i) {
        return dataset.get(indices[i]);
    }

    public Dataset<T> dataset() {
        return dataset;
    }

    public int[] indices() {
        return indices.clone();
    }

    @Override
    public String toString() {
        return "Subset(" + indices.length + " of " + dataset.size() + ": " + Arrays.toString(Arrays.copyOf(indices, Math.min(8, indices.length)))
                + (indices.length > 8 ? "...)" : ")");
    }
}
