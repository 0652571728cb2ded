package dev.nabla.examples;

import dev.nabla.Nabla;
import dev.nabla.nn.Dropout;
import dev.nabla.nn.Flatten;
import dev.nabla.nn.Linear;
import dev.nabla.nn.ReLU;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.keras.Model;
import java.util.Map;

/** mnist-mlp: a perceptron with two hidden layers on the flattened MNIST pixels. */
public final class MnistMlp {
    static final int EPOCHS = 8;

    private MnistMlp() {}

    public static Map<String, Object> run(ExampleOptions options) throws Exception {
        DataSplit data = ImageData.mnist(options);
        Nabla.manualSeed(options.seed());
        var net = new Sequential(new Flatten(), new Linear(28 * 28, 512), new ReLU(), new Dropout(0.2),
                new Linear(512, 256), new ReLU(), new Dropout(0.2), new Linear(256, 10));
        var model = new Model(net).compile("adam", 1e-3, "cross_entropy", "accuracy");
        return Training.classify("Perceptron 784-512-256-10", model, data, options.epochsOr(EPOCHS), 128, options);
    }
}
