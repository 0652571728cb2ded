package dev.nabla.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.selection.KFold;
import dev.nabla.ml.selection.Split;
import dev.nabla.ml.selection.StratifiedKFold;
import dev.nabla.ml.selection.TrainTestSplit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unshuffled KFold and StratifiedKFold give exactly scikit-learn's folds; trainTestSplit is seeded and stratifies. */
class SplitsParityTest {
    private static final JsonNode REF = Fixtures.load("splits.json");

    @Test
    void stratifiedFoldsMatchSklearn() {
        Tensor y = Fixtures.vector(REF.get("y"));
        List<Split> splits = new StratifiedKFold(5).split(Nabla.zeros(y.size(0), 1), y);
        for (int f = 0; f < 5; f++) assertArrayEquals(ints(REF.get("stratified_test_folds").get(f)), splits.get(f).test(), "fold " + f);
    }

    @Test
    void kFoldsMatchSklearn() {
        List<Split> splits = new KFold(5).split(Nabla.zeros(17, 1), null);
        for (int f = 0; f < 5; f++) assertArrayEquals(ints(REF.get("kfold17_test_folds").get(f)), splits.get(f).test(), "fold " + f);
    }

    @Test
    void trainTestSplitIsSeededAndStratified() {
        Tensor y = Fixtures.vector(REF.get("y"));
        Tensor x = Nabla.arange(y.size(0)).toDouble().reshape(-1, 1);
        TrainTestSplit.Result a = TrainTestSplit.split(x, y, 0.25, 7, true), b = TrainTestSplit.split(x, y, 0.25, 7, true);
        assertEquals(a.xTest().toString(), b.xTest().toString());
        assertEquals((int) Math.ceil(0.25 * y.size(0)), a.yTest().size(0));
        // class shares of the test set follow the full set's (30 / 40 / 3 of 73)
        long zeros = Arrays.stream(a.yTest().toDoubleArray()).filter(v -> v == 0).count();
        long ones = Arrays.stream(a.yTest().toDoubleArray()).filter(v -> v == 1).count();
        assertEquals(8, zeros, 1);
        assertEquals(10, ones, 1);
        double[] train = a.xTrain().toDoubleArray(), test = a.xTest().toDoubleArray();
        assertEquals(y.size(0), Arrays.stream(concat(train, test)).distinct().count(), "train and test partition the rows");
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static int[] ints(JsonNode array) {
        int[] v = new int[array.size()];
        for (int i = 0; i < v.length; i++) v[i] = array.get(i).asInt();
        return v;
    }
}
