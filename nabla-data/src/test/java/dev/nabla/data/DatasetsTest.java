package dev.nabla.data;

import static org.junit.jupiter.api.Assertions.*;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetsTest {
    private static Dataset<Integer> range(int n) {
        return new Dataset<>() {
            @Override public int size() { return n; }
            @Override public Integer get(int i) { return i; }
        };
    }

    @Test
    void tensorDatasetRowsAreSlicesOfEachTensor() {
        Tensor x = Nabla.arange(0, 12, 1).reshape(4, 3), y = Nabla.tensor(new long[] {10, 11, 12, 13}, 4);
        TensorDataset ds = new TensorDataset(x, y);
        assertEquals(4, ds.size());
        Tensor[] row = ds.get(2);
        assertArrayEquals(new long[] {6, 7, 8}, row[0].toLongArray());
        assertEquals(12, row[1].item());
        assertArrayEquals(new int[0], row[1].shape());
    }

    @Test
    void tensorDatasetRejectsMismatchedFirstDimension() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TensorDataset(Nabla.zeros(4, 2), Nabla.zeros(5)));
        assertTrue(e.getMessage().contains("[5]") && e.getMessage().contains("[4, 2]"), e.getMessage());
    }

    @Test
    void subsetAndMapAreViews() {
        Dataset<Integer> doubled = new Subset<>(range(10), 7, 2, 2).map(i -> 2 * i);
        assertEquals(3, doubled.size());
        assertEquals(List.of(14, 4, 4), IntStream.range(0, 3).mapToObj(doubled::get).toList());
        assertThrows(IndexOutOfBoundsException.class, () -> new Subset<>(range(3), 3));
    }

    @Test
    void randomSplitByLengthsPartitionsAndRepeatsForASeed() {
        List<Subset<Integer>> parts = Datasets.randomSplit(range(10), new int[] {3, 7}, new Generator(1));
        int[] all = parts.stream().flatMapToInt(s -> Arrays.stream(s.indices())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 10).toArray(), all);
        assertEquals(3, parts.get(0).size());
        List<Subset<Integer>> again = Datasets.randomSplit(range(10), new int[] {3, 7}, new Generator(1));
        assertArrayEquals(parts.get(0).indices(), again.get(0).indices());
        List<Subset<Integer>> other = Datasets.randomSplit(range(10), new int[] {3, 7}, new Generator(2));
        assertFalse(Arrays.equals(parts.get(1).indices(), other.get(1).indices()));
    }

    @Test
    void randomSplitByFractionsHandsLeftoversOutInOrder() {
        // PyTorch: floor(0.5 * 5) = 2 each, the one left over goes to the first part
        var parts = Datasets.randomSplit(range(5), new double[] {0.5, 0.5}, new Generator(0));
        assertEquals(List.of(3, 2), parts.stream().map(Subset::size).toList());
        var three = Datasets.randomSplit(range(10), new double[] {0.3, 0.3, 0.4}, new Generator(0));
        assertEquals(List.of(3, 3, 4), three.stream().map(Subset::size).toList());
    }

    @Test
    void randomSplitRejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> Datasets.randomSplit(range(10), new int[] {3, 8}, new Generator(0)));
        assertThrows(IllegalArgumentException.class, () -> Datasets.randomSplit(range(10), new double[] {0.3, 0.3}, new Generator(0)));
    }
}
