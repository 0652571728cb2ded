package dev.nabla.examples;

import dev.nabla.Tensor;
import dev.nabla.data.FashionMnist;
import dev.nabla.data.ImageDataset;
import dev.nabla.data.Mnist;
import dev.nabla.data.Split;
import java.io.IOException;
import java.nio.file.Path;

/**
 * MNIST-style train/test images read from options.data() without downloading, cut to options.limit(),
 * and standardised with the training images' mean and standard deviation (so Fashion-MNIST, darker on
 * average, needs no constants of its own).
 */
final class ImageData {
    private interface Loader {
        ImageDataset load(Split split, Path root, boolean download) throws IOException;
    }

    private ImageData() {}

    static DataSplit mnist(ExampleOptions options) throws IOException {
        return load("MNIST", Mnist::load, options);
    }

    static DataSplit fashion(ExampleOptions options) throws IOException {
        return load("Fashion-MNIST", FashionMnist::load, options);
    }

    private static DataSplit load(String title, Loader loader, ExampleOptions options) throws IOException {
        ImageDataset train = loader.load(Split.TRAIN, options.data(), false), test = loader.load(Split.TEST, options.data(), false);
        int nTrain = options.take(train.size()), nTest = options.take(test.size());
        Tensor xTrain = train.images().narrow(0, 0, nTrain), xTest = test.images().narrow(0, 0, nTest);
        double mean = xTrain.mean().item(), std = xTrain.std().item();
        return new DataSplit(xTrain.sub(mean).div(std), train.labels().narrow(0, 0, nTrain), xTest.sub(mean).div(std),
                test.labels().narrow(0, 0, nTest), title + ", " + nTrain + " train / " + nTest + " test images");
    }
}
