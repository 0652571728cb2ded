package dev.nabla.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The real files in shared/data (skipped when absent); download=false, so nothing is fetched. */
class MnistTest {
    private static long[] firstLabels(ImageDataset ds) {
        return Arrays.copyOf(ds.labels().toLongArray(), 10);
    }

    @Test
    void mnistTrainAndTest() throws IOException {
        Path root = SharedData.require("mnist").getParent();
        ImageDataset train = Mnist.load(Split.TRAIN, root, false);
        assertArrayEquals(new int[] {60000, 1, 28, 28}, train.images().shape());
        assertArrayEquals(new long[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, firstLabels(train));
        assertEquals(1.0, train.images().max().item());
        assertEquals(0.0, train.images().min().item());
        assertEquals(10000, Mnist.load(Split.TEST, root, false).size());
    }

    @Test
    void fashionMnistTrain() throws IOException {
        Path root = SharedData.require("fashion-mnist").getParent();
        ImageDataset train = FashionMnist.load(Split.TRAIN, root, false);
        assertEquals(60000, train.size());
        assertArrayEquals(new long[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, firstLabels(train));
        assertEquals("Ankle boot", train.classes().get(9));
    }
}
