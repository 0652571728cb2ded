package dev.nabla.data;

import dev.nabla.Tensor;
import java.util.List;

/**
 * Labelled images held in memory: images [n, channels, height, width] as float32 in [0, 1], labels [n]
 * as int64 class indices into classes. Sample i is {image [c, h, w], label []}; map it to add transforms.
 */
public record ImageDataset(Tensor images, Tensor labels, List<String> classes) implements Dataset<Tensor[]> {
    public ImageDataset {
        if (images.dim() != 4 || labels.dim() != 1 || images.size(0) != labels.size(0))
            throw new IllegalArgumentException("ImageDataset: expected images [n, c, h, w] and labels [n], got "
                    + java.util.Arrays.toString(images.shape()) + " and " + java.util.Arrays.toString(labels.shape()));
        classes = List.copyOf(classes);
    }

    @Override
    public int size() {
        return images.size(0);
    }

    @Override
    public Tensor[] get(int i) {
        return new Tensor[] {images.select(0, i), labels.select(0, i)};
    }
}
