package dev.nabla.ml.selection;

import dev.nabla.Generator;
import dev.nabla.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * k folds that keep each class's share: a port of scikit-learn's allocation (classes in order of first
 * appearance, samples of each class dealt to folds round-robin over the sorted labels), so without
 * shuffling the folds are exactly sklearn's.
 */
public record StratifiedKFold(int nSplits, boolean shuffle, long seed) implements CrossValidator {
    public StratifiedKFold {
        if (nSplits < 2) throw new IllegalArgumentException("StratifiedKFold: nSplits must be at least 2, got " + nSplits);
    }

    public StratifiedKFold(int nSplits) {
        this(nSplits, false, 0);
    }

    @Override
    public List<Split> split(Tensor x, Tensor y) {
        if (y == null) throw new IllegalArgumentException("StratifiedKFold: needs y to stratify on");
        double[] labels = y.toDoubleArray();
        int n = labels.length;
        Map<Double, Integer> firstSeen = new LinkedHashMap<>();
        for (double v : labels) firstSeen.putIfAbsent(v, firstSeen.size());
        int classes = firstSeen.size();
        int[] encoded = new int[n], counts = new int[classes];
        for (int i = 0; i < n; i++) counts[encoded[i] = firstSeen.get(labels[i])]++;
        if (Arrays.stream(counts).allMatch(c -> c < nSplits))
            throw new IllegalArgumentException("StratifiedKFold: nSplits=" + nSplits + " is greater than the number of members in each class");
        int[] sorted = encoded.clone();
        Arrays.sort(sorted);
        int[][] allocation = new int[nSplits][classes];
        for (int i = 0; i < n; i++) allocation[i % nSplits][sorted[i]]++;
        Generator g = new Generator(seed);
        int[] testFold = new int[n];
        for (int k = 0; k < classes; k++) {
            int[] folds = new int[counts[k]];
            for (int f = 0, p = 0; f < nSplits; f++) for (int r = 0; r < allocation[f][k]; r++) folds[p++] = f;
            if (shuffle) Shuffle.shuffle(folds, g);
            for (int i = 0, p = 0; i < n; i++) if (encoded[i] == k) testFold[i] = folds[p++];
        }
        List<Split> splits = new ArrayList<>();
        for (int f = 0; f < nSplits; f++) {
            final int fold = f;
            int[] all = KFold.identity(n);
            splits.add(new Split(Arrays.stream(all).filter(i -> testFold[i] != fold).toArray(), Arrays.stream(all).filter(i -> testFold[i] == fold).toArray()));
        }
        return splits;
    }
}
