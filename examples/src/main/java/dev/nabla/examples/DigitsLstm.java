package dev.nabla.examples;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.nn.LSTM;
import dev.nabla.nn.Layer;
import dev.nabla.nn.Linear;
import dev.nabla.nn.RNNBase;
import dev.nabla.nn.keras.Model;
import java.util.Map;

/** lstm: reads each 8x8 digit a row at a time (8 steps of 8 pixels) and classifies it from the last hidden state. */
public final class DigitsLstm {
    static final int EPOCHS = 25;
    static final int HIDDEN = 64;

    private DigitsLstm() {}

    /** LSTM over the rows, then a linear layer on the final step's output. */
    static final class RowClassifier extends Layer {
        private final LSTM lstm = registerModule("lstm", new LSTM(Digits.SIDE, HIDDEN, RNNBase.Options.defaults().withBatchFirst(true)));
        private final Linear head = registerModule("head", new Linear(HIDDEN, 10));

        @Override
        public Tensor forward(Tensor images) {
            Tensor rows = images.reshape(images.size(0), Digits.SIDE, Digits.SIDE);
            return head.forward(lstm.forward(rows).output().select(1, Digits.SIDE - 1));
        }
    }

    public static Map<String, Object> run(ExampleOptions options) {
        DataSplit data = Digits.split(options.seed());
        Nabla.manualSeed(options.seed());
        var model = new Model(new RowClassifier()).compile("adam", 3e-3, "cross_entropy", "accuracy");
        return Training.classify("LSTM over image rows", model, data, options.epochsOr(EPOCHS), 32, options);
    }
}
