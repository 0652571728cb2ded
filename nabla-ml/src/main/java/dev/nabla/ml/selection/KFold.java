package dev.nabla.ml.selection;

import dev.nabla.Generator;
import dev.nabla.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * k consecutive folds (the first n % k one sample larger), each the test set once; optionally on a
 * seeded shuffle. Without shuffling the folds are exactly scikit-learn's.
 */
public record KFold(int nSplits, boolean shuffle, long seed) implements CrossValidator {
    public KFold {
        if (nSplits < 2) throw new IllegalArgumentException("KFold: nSplits must be at least 2, got " + nSplits);
    }

    public KFold(int nSplits) {
        this(nSplits, false, 0);
    }

    @Override
    public List<Split> split(Tensor x, Tensor y) {
        int n = x.size(0);
        if (nSplits > n) throw new IllegalArgumentException("KFold: cannot have nSplits=" + nSplits + " greater than the number of samples " + n);
        int[] order = shuffle ? Shuffle.permutation(n, new Generator(seed)) : identity(n);
        List<Split> splits = new ArrayList<>();
        int start = 0;
        for (int f = 0; f < nSplits; f++) {
            int size = n / nSplits + (f < n % nSplits ? 1 : 0);
            int[] test = Arrays.copyOfRange(order, start, start + size);
            int[] train = new int[n - size];
            System.arraycopy(order, 0, train, 0, start);
            System.arraycopy(order, start + size, train, start, n - start - size);
            Arrays.sort(test);
            Arrays.sort(train);
            splits.add(new Split(train, test));
            start += size;
        }
        return splits;
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }
}
