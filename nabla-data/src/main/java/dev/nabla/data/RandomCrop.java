package dev.nabla.data;

import dev.nabla.Generator;
import dev.nabla.Nabla;
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
        int h = image.size(-2), w = image.size(-1);
        if (h + 2 * padding < height || w + 2 * padding < width)
            throw new IllegalArgumentException("RandomCrop: crop " + height + "x" + width + " is larger than the padded image "
                    + (h + 2 * padding) + "x" + (w + 2 * padding));
        Generator g = generator != null ? generator : DataLoader.batchGenerator();
        // the window's corner in the coordinates of the unpadded image (negative: inside the padding)
        int top = g.nextInt(h + 2 * padding - height + 1) - padding, left = g.nextInt(w + 2 * padding - width + 1) - padding;
        if (top >= 0 && left >= 0 && top + height <= h && left + width <= w) return image.narrow(-2, top, height).narrow(-1, left, width);
        // Copy only the part of the window that overlaps the image into zeros: the padded image is never built.
        int[] shape = image.shape();
        shape[shape.length - 2] = height;
        shape[shape.length - 1] = width;
        Tensor out = Nabla.zeros(image.dtype(), shape);
        int r0 = Math.max(0, top), r1 = Math.min(h, top + height), c0 = Math.max(0, left), c1 = Math.min(w, left + width);
        if (r0 < r1 && c0 < c1)
            out.narrow(-2, r0 - top, r1 - r0).narrow(-1, c0 - left, c1 - c0).copy_(image.narrow(-2, r0, r1 - r0).narrow(-1, c0, c1 - c0));
        return out;
    }
}
