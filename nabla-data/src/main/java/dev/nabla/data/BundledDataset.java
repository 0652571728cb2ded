package dev.nabla.data;

import dev.nabla.Tensor;
import java.util.List;

/**
 * A small dataset that ships inside the jar (scikit-learn's {@code Bunch}): features x [n, features]
 * as float64, and y [n] as int64 class labels, or float64 for a regression target.
 * targetNames is empty for regression.
 */
public record BundledDataset(String name, Tensor x, Tensor y, List<String> featureNames, List<String> targetNames) {
    public BundledDataset {
        featureNames = List.copyOf(featureNames);
        targetNames = List.copyOf(targetNames);
    }

    /** (x row, y) pairs for a {@link DataLoader}. */
    public TensorDataset toTensorDataset() {
        return new TensorDataset(x, y);
    }
}
