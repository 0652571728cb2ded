package dev.nabla.data;

import dev.nabla.Functional;
import dev.nabla.Generator;
import dev.nabla.Tensor;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * A random height x width window of an image [..., h, w], after zero-padding each border by padding
 * pixels (the CIFAR-style augmentation; torchvision's RandomCrop).
 */
public final class RandomCrop implements UnaryOperator<Tensor> {
    private final int height, width, padding;
    private final Generator generator;

    /** Draws from {@link DataLoader#batchGenerator()}, so crops repeat for a seeded loader whatever its worker count. */
    public RandomCrop(int size, int padding) {
        this(size, size, padding, null);
    }

    public RandomCrop(int height, int width, int padding, Generator generator) {
        if (height <= 0 || width <= 0 || padding < 0)
            throw new IllegalArgumentException("RandomCrop: size must be positive and padding >= 0, got " + height + "x" + width + " padding " + padding);
        this.height = height;
        this.width = width;
        this.padding = padding;
        this.generator = generator;
    }

    @Override
    public Tensor apply(Tensor image) {
        if (image.dim() < 2) throw new IllegalArgumentException("RandomCrop: expected an image [..., h, w], got shape " + Arrays.toString(image.shape()));
        Tensor padded = padding == 0 ? image : Functional.pad(image, padding, padding, padding, padding);
        int h = padded.size(-2), w = padded.size(-1);
        if (h < height || w < width)
            throw new IllegalArgumentException("RandomCrop: crop " + height + "x" + width + " is larger than the padded image " + h + "x" + w);
        Generator g = generator != null ? generator : DataLoader.batchGenerator();
        int top = g.nextInt(h - height + 1), left = g.nextInt(w - width + 1);
        return padded.narrow(-2, top, height).narrow(-1, left, width);
    }
}
