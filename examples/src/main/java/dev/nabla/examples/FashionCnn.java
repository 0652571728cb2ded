package dev.nabla.examples;

import java.util.Map;

/** fashion-cnn: mnist-cnn's network and schedule on Fashion-MNIST, a harder set of the same shape (about 91% rather than 99%). */
public final class FashionCnn {
    static final int EPOCHS = 5;

    private FashionCnn() {}

    public static Map<String, Object> run(ExampleOptions options) throws Exception {
        return MnistCnn.train(ImageData.fashion(options), options.epochsOr(EPOCHS), options);
    }
}
