package dev.nabla.data;

import static org.junit.jupiter.api.Assertions.*;

import dev.nabla.DType;
import dev.nabla.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shapes, first rows and class counts as scikit-learn 1.2.1 documents them for the same files. */
class BundledDatasetsTest {
    private static long[] classCounts(Tensor y, int classes) {
        long[] counts = new long[classes];
        for (long label : y.toLongArray()) counts[(int) label]++;
        return counts;
    }

    private static void check(BundledDataset d, int rows, int features, DType yType) {
        assertArrayEquals(new int[] {rows, features}, d.x().shape(), d.name());
        assertArrayEquals(new int[] {rows}, d.y().shape(), d.name());
        assertEquals(DType.FLOAT64, d.x().dtype());
        assertEquals(yType, d.y().dtype());
        assertEquals(features, d.featureNames().size());
    }

    @Test
    void iris() {
        BundledDataset d = BundledDatasets.iris();
        check(d, 150, 4, DType.INT64);
        assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, d.x().select(0, 0).toDoubleArray());
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.targetNames());
        assertEquals("petal width (cm)", d.featureNames().get(3));
        assertArrayEquals(new long[] {50, 50, 50}, classCounts(d.y(), 3));
        assertEquals(150, d.toTensorDataset().size());
    }

    @Test
    void wine() {
        BundledDataset d = BundledDatasets.wine();
        check(d, 178, 13, DType.INT64);
        assertEquals(1065, d.x().get(0, 12));
        assertEquals("od280/od315_of_diluted_wines", d.featureNames().get(11));
        assertArrayEquals(new long[] {59, 71, 48}, classCounts(d.y(), 3));
    }

    @Test
    void breastCancer() {
        BundledDataset d = BundledDatasets.breastCancer();
        check(d, 569, 30, DType.INT64);
        assertEquals(List.of("malignant", "benign"), d.targetNames());
        assertEquals(List.of("mean radius", "radius error", "worst radius", "worst fractal dimension"),
                List.of(d.featureNames().get(0), d.featureNames().get(10), d.featureNames().get(20), d.featureNames().get(29)));
        assertEquals(17.99, d.x().get(0, 0));
        assertArrayEquals(new long[] {212, 357}, classCounts(d.y(), 2));
    }

    @Test
    void digits() {
        BundledDataset d = BundledDatasets.digits();
        check(d, 1797, 64, DType.INT64);
        assertEquals(16, d.x().max().item());
        assertEquals("pixel_7_7", d.featureNames().get(63));
        assertEquals(0, d.y().get(0));
        assertEquals(10, d.targetNames().size());
        assertArrayEquals(new int[] {1797, 8, 8}, d.x().view(-1, 8, 8).shape());
    }

    @Test
    void diabetes() {
        BundledDataset d = BundledDatasets.diabetes();
        check(d, 442, 10, DType.FLOAT64);
        assertArrayEquals(new double[] {59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87}, d.x().select(0, 0).toDoubleArray());
        assertArrayEquals(new double[] {151, 75}, d.y().narrow(0, 0, 2).toDoubleArray());
        assertEquals(List.of(), d.targetNames());
    }
}
