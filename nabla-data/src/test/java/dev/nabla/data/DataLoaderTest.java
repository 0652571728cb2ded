package dev.nabla.data;

import static org.junit.jupiter.api.Assertions.*;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DataLoaderTest {
    /** x[i] = {i, 100 + i}, y[i] = i. */
    private static TensorDataset rows(int n) {
        float[] x = new float[2 * n];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 100 + i;
            y[i] = i;
        }
        return new TensorDataset(Nabla.tensor(x, n, 2), Nabla.tensor(y, n));
    }

    /** The label batches of one pass, as lists of sample indices. */
    private static List<List<Long>> labelBatches(DataLoader<Tensor[]> loader) {
        List<List<Long>> out = new ArrayList<>();
        for (Tensor[] b : loader) out.add(Arrays.stream(b[1].toLongArray()).boxed().toList());
        return out;
    }

    @Test
    void batchesInOrderWithAShortLastBatch() {
        DataLoader<Tensor[]> loader = DataLoader.builder(rows(10)).batchSize(4).build();
        assertEquals(3, loader.batchCount());
        List<Tensor[]> batches = new ArrayList<>();
        loader.forEach(batches::add);
        assertEquals(3, batches.size());
        assertArrayEquals(new int[] {4, 2}, batches.get(0)[0].shape());
        assertArrayEquals(new float[] {4, 104, 5, 105, 6, 106, 7, 107}, batches.get(1)[0].toFloatArray());
        assertArrayEquals(new long[] {8, 9}, batches.get(2)[1].toLongArray());
    }

    @Test
    void dropLastDropsTheShortBatch() {
        DataLoader<Tensor[]> loader = DataLoader.builder(rows(10)).batchSize(4).dropLast(true).build();
        assertEquals(2, loader.batchCount());
        assertEquals(List.of(List.of(0L, 1L, 2L, 3L), List.of(4L, 5L, 6L, 7L)), labelBatches(loader));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8})
    void shuffledBatchesAreTheSameForAnyWorkerCount(int workers) {
        DataLoader<Tensor[]> serial = DataLoader.builder(rows(103)).batchSize(8).shuffle(true).generator(new Generator(42)).build();
        DataLoader<Tensor[]> parallel = DataLoader.builder(rows(103)).batchSize(8).shuffle(true).generator(new Generator(42))
                .numWorkers(workers).prefetch(3).build();
        for (int epoch = 0; epoch < 2; epoch++) assertEquals(labelBatches(serial), labelBatches(parallel), "epoch " + epoch);
    }

    @Test
    void eachEpochIsANewPermutationOfAllSamples() {
        DataLoader<Tensor[]> loader = DataLoader.builder(rows(50)).batchSize(7).shuffle(true).generator(new Generator(3)).numWorkers(2).build();
        List<Long> first = labelBatches(loader).stream().flatMap(List::stream).toList();
        List<Long> second = labelBatches(loader).stream().flatMap(List::stream).toList();
        assertEquals(IntStream.range(0, 50).asLongStream().boxed().toList(), first.stream().sorted().toList());
        assertEquals(IntStream.range(0, 50).asLongStream().boxed().toList(), second.stream().sorted().toList());
        assertNotEquals(first, second);
    }

    @Test
    void randomTransformsRepeatWhateverTheWorkerCount() {
        // every pixel distinct, so any change in a crop offset or a flip shows in the batch
        float[] px = new float[20 * 4 * 4];
        for (int k = 0; k < px.length; k++) px[k] = k;
        Dataset<Tensor[]> images = new TensorDataset(Nabla.tensor(px, 20, 1, 4, 4), Nabla.arange(20))
                .map(ImageTransforms.onImage(ImageTransforms.compose(new RandomCrop(4, 1), new RandomHorizontalFlip(0.5))));
        List<float[]> reference = null;
        for (int workers : new int[] {0, 1, 4}) {
            List<float[]> seen = new ArrayList<>();
            for (Tensor[] b : DataLoader.builder(images).batchSize(3).generator(new Generator(9)).numWorkers(workers).build())
                seen.add(b[0].toFloatArray());
            if (reference == null) reference = seen;
            else for (int k = 0; k < seen.size(); k++) assertArrayEquals(reference.get(k), seen.get(k), "batch " + k + " with " + workers + " workers");
        }
    }

    @Test
    void customCollateChangesTheBatchType() {
        DataLoader<Long> sums = DataLoader.builder(rows(6)).batchSize(3)
                .collate(samples -> samples.stream().mapToLong(s -> (long) s[1].item()).sum()).build();
        List<Long> out = new ArrayList<>();
        sums.forEach(out::add);
        assertEquals(List.of(3L, 12L), out);
    }

    @Test
    void defaultCollateNamesWhatItCannotStack() {
        Dataset<String> words = new Subset<>(new TensorDataset(Nabla.zeros(2, 1)), 0, 1).map(t -> "w");
        var e = assertThrows(DataLoaderException.class, () -> DataLoader.builder(words).batchSize(2).build().iterator().next());
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void aFailingSampleSurfacesOnTheCallerWithItsBatchIndex(int workers) {
        Dataset<Tensor[]> flaky = rows(20).map(s -> {
            if (s[1].item() == 13) throw new IllegalStateException("corrupt sample 13");
            return s;
        });
        try (BatchIterator<Tensor[]> it = DataLoader.builder(flaky).batchSize(4).numWorkers(workers).build().iterator()) {
            for (int k = 0; k < 3; k++) it.next();
            DataLoaderException e = assertThrows(DataLoaderException.class, it::next);
            assertEquals(3, e.batchIndex());
            assertTrue(e.getMessage().contains("batch 3") && e.getMessage().contains("corrupt sample 13"), e.getMessage());
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertFalse(it.hasNext(), "a failed pass is closed");
        }
    }

    @Test
    void closeStopsTheWorkers() throws InterruptedException {
        BatchIterator<Tensor[]> it = DataLoader.builder(rows(1000)).batchSize(2).numWorkers(3).build().iterator();
        it.next();
        it.close();
        assertTrue(it.workersTerminated(5000));
        assertFalse(it.hasNext());
    }

    @Test
    void prefetchBoundsHowFarWorkersRunAhead() throws InterruptedException {
        AtomicInteger reads = new AtomicInteger();
        Dataset<Tensor[]> counted = rows(100).map(s -> {
            reads.incrementAndGet();
            return s;
        });
        try (BatchIterator<Tensor[]> it = DataLoader.builder(counted).batchSize(1).numWorkers(2).prefetch(2).build().iterator()) {
            it.next();
            Thread.sleep(200);
            assertTrue(reads.get() <= 3, "read " + reads.get() + " samples with prefetch 2 after one batch");
        }
    }

    @Test
    void workersLoadInParallel() {
        // I/O-like samples (a sleep) show the overlap without depending on free cores.
        Dataset<Tensor> slow = rows(16).map(s -> {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
            return s[0];
        });
        long start = System.nanoTime();
        int batches = 0;
        for (Tensor b : DataLoader.builder(slow).batchSize(2).numWorkers(8).build()) batches += b.size(0) / 2;
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(8, batches);
        assertTrue(millis < 16 * 25 / 2, "8 workers took " + millis + " ms for 16 samples of 25 ms");
    }

    @Test
    void iterableDatasetsStreamInOrder() {
        IterableDataset<Tensor> stream = () -> new Iterator<>() {
            int i;
            @Override public boolean hasNext() { return i < 7; }
            @Override public Tensor next() { return Nabla.scalar(i++); }
        };
        for (int workers : new int[] {0, 2}) {
            List<float[]> batches = new ArrayList<>();
            DataLoader.builder(stream).batchSize(3).numWorkers(workers).build().forEach(b -> batches.add(b.toFloatArray()));
            assertEquals(3, batches.size());
            assertArrayEquals(new float[] {6}, batches.get(2));
            List<float[]> dropped = new ArrayList<>();
            DataLoader.builder(stream).batchSize(3).dropLast(true).numWorkers(workers).build().forEach(b -> dropped.add(b.toFloatArray()));
            assertEquals(2, dropped.size());
            assertArrayEquals(new float[] {3, 4, 5}, dropped.get(1));
        }
        assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(stream).shuffle(true));
    }
}
