package dev.nabla.examples;

import dev.nabla.Nabla;
import dev.nabla.nn.BatchNorm2d;
import dev.nabla.nn.Conv2d;
import dev.nabla.nn.Dropout;
import dev.nabla.nn.Flatten;
import dev.nabla.nn.Linear;
import dev.nabla.nn.MaxPool2d;
import dev.nabla.nn.ReLU;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.keras.Model;
import java.util.Map;

/**
 * mnist-cnn: two conv/pool blocks and a dense head (PyTorch's classic MNIST net, slimmed for a CPU).
 * Measured (seed 0): 3 epochs reach 98.85% test accuracy without batch norm and 98.94% with it; 5 epochs
 * with it reach 99.25%, hence the default.
 */
public final class MnistCnn {
    static final int EPOCHS = 5;

    private MnistCnn() {}

    public static Map<String, Object> run(ExampleOptions options) throws Exception {
        return train(ImageData.mnist(options), options.epochsOr(EPOCHS), options);
    }

    /** 28x28 -> 16x14x14 -> 32x7x7 -> 128 -> 10 logits, trained with Adam; fashion-cnn trains it too. */
    static Map<String, Object> train(DataSplit data, int epochs, ExampleOptions options) {
        Nabla.manualSeed(options.seed());
        var same = Conv2d.Options.defaults().withPadding(1);
        var net = new Sequential(
                new Conv2d(1, 16, 3, same), new BatchNorm2d(16), new ReLU(), new MaxPool2d(2),
                new Conv2d(16, 32, 3, same), new BatchNorm2d(32), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(32 * 7 * 7, 128), new ReLU(), new Dropout(0.25), new Linear(128, 10));
        var model = new Model(net).compile("adam", 1e-3, "cross_entropy", "accuracy");
        return Training.classify("Conv net", model, data, epochs, 64, options);
    }
}
