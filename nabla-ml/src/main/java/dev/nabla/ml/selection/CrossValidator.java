package dev.nabla.ml.selection;

import dev.nabla.Tensor;
import java.util.List;

/** Produces the train / test splits of a cross-validation. */
public interface CrossValidator {
    /** y may be null for splitters that ignore it. */
    List<Split> split(Tensor x, Tensor y);
}
