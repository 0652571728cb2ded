package dev.nabla.data;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Helpers over datasets: random splits (PyTorch's {@code random_split}). */
public final class Datasets {
    private Datasets() {}

    /**
     * Splits into non-overlapping random subsets of the given lengths, which must add up to the size.
     * The permutation comes from generator, so the same seed gives the same split.
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, int[] lengths, Generator generator) {
        long total = Arrays.stream(lengths).asLongStream().sum();
        if (total != dataset.size() || Arrays.stream(lengths).anyMatch(l -> l < 0))
            throw new IllegalArgumentException("randomSplit: lengths " + Arrays.toString(lengths) + " must be non-negative and add up to the dataset size "
                    + dataset.size() + " (they add up to " + total + ")");
        long[] perm = Nabla.randperm(generator, dataset.size()).toLongArray();
        List<Subset<T>> parts = new ArrayList<>(lengths.length);
        int start = 0;
        for (int length : lengths) {
            int[] indices = new int[length];
            for (int i = 0; i < length; i++) indices[i] = (int) perm[start + i];
            parts.add(new Subset<>(dataset, indices));
            start += length;
        }
        return parts;
    }

    /**
     * Splits by fractions that add up to 1. Like PyTorch, each part gets floor(fraction * size) and the
     * samples left over go one each to the parts in order, so every sample lands in exactly one part.
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, double[] fractions, Generator generator) {
        double sum = Arrays.stream(fractions).sum();
        if (Math.abs(sum - 1) > 1e-6 || Arrays.stream(fractions).anyMatch(f -> f < 0 || f > 1))
            throw new IllegalArgumentException("randomSplit: fractions " + Arrays.toString(fractions) + " must lie in [0, 1] and add up to 1 (they add up to " + sum + ")");
        int n = dataset.size();
        int[] lengths = new int[fractions.length];
        int assigned = 0;
        for (int i = 0; i < fractions.length; i++) {
            lengths[i] = (int) Math.floor(fractions[i] * n);
            assigned += lengths[i];
        }
        for (int i = 0; assigned < n; i = (i + 1) % lengths.length, assigned++) lengths[i]++;
        return randomSplit(dataset, lengths, generator);
    }
}
