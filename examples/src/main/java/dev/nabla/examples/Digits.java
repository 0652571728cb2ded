package dev.nabla.examples;

import dev.nabla.Tensor;
import dev.nabla.data.BundledDatasets;

/** The bundled 8x8 digits: 1,797 images, no download. */
public final class Digits {
    public static final int SIDE = 8;

    private Digits() {}

    /** A random 80/20 split drawn from seed: images [n, 1, 8, 8] float32 scaled from 0..16 to [0, 1], int64 labels. */
    public static DataSplit split(long seed) {
        var all = BundledDatasets.digits();
        Tensor images = all.x().toFloat().div(16).view(-1, 1, SIDE, SIDE);
        return DataSplit.random(images, all.y(), 0.2, seed, "bundled 8x8 digits");
    }
}
