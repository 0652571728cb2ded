package dev.nabla.data;

import dev.nabla.Generator;
import dev.nabla.Nabla;
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

    /** The columns in reverse order: one cat of width-1 views (the same result as flip(-1), which core does not have yet). */
    private static Tensor mirror(Tensor image) {
        int w = image.size(-1);
        Tensor[] columns = new Tensor[w];
        for (int c = 0; c < w; c++) columns[c] = image.narrow(-1, w - 1 - c, 1);
        return Nabla.cat(columns, -1);
    }
}
