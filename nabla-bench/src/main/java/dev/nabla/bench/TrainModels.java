package dev.nabla.bench;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.nn.Conv2d;
import dev.nabla.nn.Flatten;
import dev.nabla.nn.LSTM;
import dev.nabla.nn.Layer;
import dev.nabla.nn.Linear;
import dev.nabla.nn.MaxPool2d;
import dev.nabla.nn.ReLU;
import dev.nabla.nn.RNNBase;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.TransformerEncoderLayer;
import dev.nabla.nn.TransformerOptions;

/**
 * The four models `bench train` times, each with a synthetic batch of inputs and class targets.
 * bench/reference_train.py builds the same models in PyTorch; keep the two in step.
 */
final class TrainModels {
    static final int CLASSES = 10;

    private TrainModels() {}

    /** A model and one batch for it; sizes are recorded so the JSON params say what was run. */
    record Workload(String model, int batch, Layer net, Tensor x, Tensor y) {}

    /**
     * @param quick shrinks batch and sequence lengths so every code path runs in milliseconds
     */
    static Workload build(String model, boolean quick) {
        return switch (model) {
            case "mlp" -> classify(model, mlp(), quick ? 8 : 128, 784);
            case "cnn" -> classify(model, cnn(), quick ? 4 : 64, 1, 28, 28);
            case "lstm" -> classify(model, new LastStepLstm(32, 128), quick ? 4 : 64, quick ? 5 : 50, 32);
            case "transformer" -> classify(model, new PooledEncoder(128, 4, 512), quick ? 2 : 32, quick ? 8 : 64, 128);
            default -> throw new IllegalArgumentException("unknown model '" + model + "'");
        };
    }

    /** The same model fed a new batch size (inference at batch 1 and 256). */
    static Workload rebatch(Workload w, int batch) {
        int[] shape = w.x().shape();
        shape[0] = batch;
        return new Workload(w.model(), batch, w.net(), Nabla.randn(shape), Nabla.randint(0, CLASSES, batch));
    }

    private static Workload classify(String model, Layer net, int batch, int... exampleShape) {
        int[] shape = new int[exampleShape.length + 1];
        shape[0] = batch;
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        return new Workload(model, batch, net, Nabla.randn(shape), Nabla.randint(0, CLASSES, batch));
    }

    static Layer mlp() {
        return new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 128), new ReLU(), new Linear(128, CLASSES));
    }

    static Layer cnn() {
        return new Sequential(new Conv2d(1, 32, 3), new ReLU(), new MaxPool2d(2), new Conv2d(32, 64, 3), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(64 * 5 * 5, 128), new ReLU(), new Linear(128, CLASSES));
    }

    /** Batch-first LSTM whose last time step feeds a linear classifier. */
    static final class LastStepLstm extends Layer {
        private final LSTM lstm;
        private final Linear head;

        LastStepLstm(int input, int hidden) {
            lstm = registerModule("lstm", new LSTM(input, hidden, RNNBase.Options.defaults().withBatchFirst(true)));
            head = registerModule("head", new Linear(hidden, CLASSES));
        }

        @Override
        public Tensor forward(Tensor x) {
            Tensor out = lstm.forward(x).output();
            return head.forward(out.select(1, out.size(1) - 1));
        }
    }

    /** One batch-first encoder layer (dropout 0, so the timing is deterministic work), mean over positions, linear classifier. */
    static final class PooledEncoder extends Layer {
        private final TransformerEncoderLayer encoder;
        private final Linear head;

        PooledEncoder(int dModel, int heads, int feedForward) {
            TransformerOptions o = TransformerOptions.defaults().withDimFeedforward(feedForward).withDropout(0).withBatchFirst(true);
            encoder = registerModule("encoder", new TransformerEncoderLayer(dModel, heads, o));
            head = registerModule("head", new Linear(dModel, CLASSES));
        }

        @Override
        public Tensor forward(Tensor x) {
            return head.forward(encoder.forward(x).mean(1));
        }
    }
}
