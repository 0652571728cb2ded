package dev.nabla.ml;

import java.util.List;

/**
 * A model reloaded both ways it can be saved: as one JSON text, and as JSON with its arrays split out
 * as tensors (what nabla-io's safetensors model file holds). Contract tests check both copies.
 */
public final class SavedCopies {
    private SavedCopies() {}

    public static List<Estimator> of(Estimator fitted) {
        return List.of(ModelIO.fromJson(ModelIO.toJson(fitted)), ModelIO.fromParts(ModelIO.toParts(fitted), "test"));
    }
}
