package dev.nabla.data;

import dev.nabla.Generator;
import dev.nabla.Tensor;
import java.util.function.UnaryOperator;

/** Mirrors an image [..., h, w] left to right with probability p (torchvision's RandomHorizontalFlip). */
public final class RandomHorizontalFlip implements UnaryOperator<Tensor> {
    private final double p;
    private final Generator generator;

    /** Draws from {@link DataLoader#batchGenerator()}, so flips repeat for a seeded loader whatever its worker count. */
    public RandomHorizontalFlip(double p) {
        this(p, null);
    }

    public RandomHorizontalFlip(double p, Generator generator) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("RandomHorizontalFlip: p must lie in [0, 1], got " + p);
        this.p = p;
        this.generator = generator;
    }

    @Override
    public Tensor apply(Tensor image) {
        Generator g = generator != null ? generator : DataLoader.batchGenerator();
        return g.nextDouble() < p ? mirror(image) : image;
    }

    private static Tensor mirror(Tensor image) {
        return image.flip(-1);
    }
}
