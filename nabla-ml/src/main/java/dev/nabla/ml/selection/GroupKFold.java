package dev.nabla.ml.selection;

import dev.nabla.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * k folds that never split a group: all samples of a group land in the same test fold, so a model is
 * never scored on a group it trained on (patients, sites, sessions). As scikit-learn, groups are dealt
 * largest first, each to the fold with the fewest samples so far (the first such fold on ties); groups
 * of equal size go in descending order of their sorted group value, which is what NumPy's reversed
 * argsort gives for the small arrays tests use.
 */
public record GroupKFold(int nSplits) {
    public GroupKFold {
        if (nSplits < 2) throw new IllegalArgumentException("GroupKFold: nSplits must be at least 2, got " + nSplits);
    }

    /** The folds for these groups (one group value per sample). */
    public List<Split> split(Tensor groups) {
        if (groups == null) throw new IllegalArgumentException("GroupKFold: groups must not be null (one group value per sample)");
        double[] g = groups.toDoubleArray();
        TreeMap<Double, Integer> sizes = new TreeMap<>();
        for (double v : g) sizes.merge(v, 1, Integer::sum);
        if (sizes.size() < nSplits)
            throw new IllegalArgumentException("GroupKFold: cannot have nSplits=" + nSplits + " greater than the number of groups " + sizes.size());
        double[] values = sizes.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> {
            int bySize = Integer.compare(sizes.get(values[b]), sizes.get(values[a]));
            return bySize != 0 ? bySize : Integer.compare(b, a);
        });
        long[] load = new long[nSplits];
        int[] foldOfGroup = new int[values.length];
        for (int gi : order) {
            int lightest = 0;
            for (int f = 1; f < nSplits; f++) if (load[f] < load[lightest]) lightest = f;
            load[lightest] += sizes.get(values[gi]);
            foldOfGroup[gi] = lightest;
        }
        int[] foldOfSample = new int[g.length];
        for (int i = 0; i < g.length; i++) foldOfSample[i] = foldOfGroup[Arrays.binarySearch(values, g[i])];
        List<Split> splits = new ArrayList<>();
        for (int f = 0; f < nSplits; f++) {
            final int fold = f;
            int[] all = KFold.identity(g.length);
            splits.add(new Split(Arrays.stream(all).filter(i -> foldOfSample[i] != fold).toArray(), Arrays.stream(all).filter(i -> foldOfSample[i] == fold).toArray()));
        }
        return splits;
    }

    /** A splitter bound to these groups, for crossValScore, crossValidate and the searches. */
    public CrossValidator over(Tensor groups) {
        List<Split> splits = split(groups);
        int n = groups.size(0);
        return (x, y) -> {
            if (x.size(0) != n) throw new IllegalArgumentException("GroupKFold: groups has " + n + " values but X has " + x.size(0) + " rows");
            return splits;
        };
    }
}
