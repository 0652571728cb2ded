package dev.nabla.data;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.List;

/** Turns a list of samples into one batch. The default stacks tensors along a new dimension 0. */
public final class Collate {
    private Collate() {}

    /**
     * Tensor samples become one tensor [batch, ...]; {@code Tensor[]} samples (e.g. image and label)
     * become one stacked tensor per field. Other sample types need a collate function of their own.
     */
    @SuppressWarnings("unchecked")
    public static <T> T stack(List<T> samples) {
        if (samples.isEmpty()) throw new IllegalArgumentException("collate: empty batch");
        Object first = samples.getFirst();
        if (first instanceof Tensor) return (T) Nabla.stack(samples.toArray(Tensor[]::new), 0);
        if (first instanceof Tensor[] fields) return (T) stackFields(samples, fields.length);
        throw new IllegalArgumentException("collate: the default collate stacks Tensor or Tensor[] samples, got "
                + (first == null ? "null" : first.getClass().getName()) + "; pass DataLoader.Builder.collate(...)");
    }

    private static Tensor[] stackFields(List<?> samples, int fieldCount) {
        Tensor[] batch = new Tensor[fieldCount];
        for (int f = 0; f < fieldCount; f++) {
            Tensor[] column = new Tensor[samples.size()];
            for (int s = 0; s < column.length; s++) {
                Tensor[] sample = (Tensor[]) samples.get(s);
                if (sample.length != fieldCount)
                    throw new IllegalArgumentException("collate: sample " + s + " has " + sample.length + " fields, sample 0 has " + fieldCount);
                column[s] = sample[f];
            }
            batch[f] = Nabla.stack(column, 0);
        }
        return batch;
    }
}
