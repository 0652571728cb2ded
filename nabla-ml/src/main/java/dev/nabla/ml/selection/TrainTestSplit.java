package dev.nabla.ml.selection;

import dev.nabla.Generator;
import dev.nabla.Tensor;
import dev.nabla.data.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A seeded random split into train and test rows (sklearn's train_test_split): the test set has
 * ceil(testSize · n) rows; stratified, each class contributes its share (largest remainders).
 */
public final class TrainTestSplit {
    public record Result(Tensor xTrain, Tensor xTest, Tensor yTrain, Tensor yTest) {}

    /** A split Table: the same rows as a split of a matrix with as many rows would give. */
    public record TableResult(Table xTrain, Table xTest, Tensor yTrain, Tensor yTest) {}

    private TrainTestSplit() {}

    public static Result split(Tensor x, Tensor y, double testSize, long seed) {
        return split(x, y, testSize, seed, false);
    }

    public static Result split(Tensor x, Tensor y, double testSize, long seed, boolean stratify) {
        if (!(testSize > 0 && testSize < 1)) throw new IllegalArgumentException("trainTestSplit: testSize must be in (0, 1), got " + testSize);
        int n = x.size(0);
        if (y.size(0) != n) throw new IllegalArgumentException("trainTestSplit: X has " + n + " rows but y has " + y.size(0));
        int nTest = (int) Math.ceil(testSize * n);
        if (nTest >= n) throw new IllegalArgumentException("trainTestSplit: testSize " + testSize + " leaves no training rows out of " + n);
        Generator g = new Generator(seed);
        int[] test = stratify ? stratifiedTest(y.toDoubleArray(), nTest, g) : Arrays.copyOf(Shuffle.permutation(n, g), nTest);
        boolean[] isTest = new boolean[n];
        for (int i : test) isTest[i] = true;
        int[] train = new int[n - test.length];
        int[] shuffled = Shuffle.permutation(n, g);
        for (int i = 0, p = 0; i < n; i++) if (!isTest[shuffled[i]]) train[p++] = shuffled[i];
        return new Result(Split.rows(x, train), Split.rows(x, test), Split.rows(y, train), Split.rows(y, test));
    }

    public static TableResult split(Table x, Tensor y, double testSize, long seed, boolean stratify) {
        Result rows = split(TableRows.rowNumbers(x), y, testSize, seed, stratify);
        return new TableResult(x.rows(TableRows.indices(rows.xTrain())), x.rows(TableRows.indices(rows.xTest())), rows.yTrain(), rows.yTest());
    }

    private static int[] stratifiedTest(double[] y, int nTest, Generator g) {
        double[] classes = Arrays.stream(y).sorted().distinct().toArray();
        List<List<Integer>> members = new ArrayList<>();
        for (int k = 0; k < classes.length; k++) members.add(new ArrayList<>());
        for (int i = 0; i < y.length; i++) members.get(Arrays.binarySearch(classes, y[i])).add(i);
        int[] take = new int[classes.length];
        double[] remainder = new double[classes.length];
        int assigned = 0;
        for (int k = 0; k < classes.length; k++) {
            double exact = (double) members.get(k).size() * nTest / y.length;
            take[k] = (int) Math.floor(exact);
            remainder[k] = exact - take[k];
            assigned += take[k];
        }
        Integer[] byRemainder = new Integer[classes.length];
        for (int k = 0; k < classes.length; k++) byRemainder[k] = k;
        Arrays.sort(byRemainder, (a, b) -> Double.compare(remainder[b], remainder[a]));
        for (int r = 0; assigned < nTest; r++, assigned++) take[byRemainder[r % classes.length]]++;
        int[] test = new int[nTest];
        int p = 0;
        for (int k = 0; k < classes.length; k++) {
            int[] idx = members.get(k).stream().mapToInt(Integer::intValue).toArray();
            Shuffle.shuffle(idx, g);
            for (int r = 0; r < take[k]; r++) test[p++] = idx[r];
        }
        Shuffle.shuffle(test, g);
        return test;
    }
}
