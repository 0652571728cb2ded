package dev.nabla.examples;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.nn.Layer;
import dev.nabla.nn.Linear;
import dev.nabla.nn.TransformerEncoder;
import dev.nabla.nn.TransformerEncoderLayer;
import dev.nabla.nn.TransformerOptions;
import dev.nabla.nn.keras.Model;
import java.util.Map;

/** transformer: each 8x8 digit as 8 row tokens, two encoder layers, mean-pooled into a classifier. */
public final class DigitsTransformer {
    static final int EPOCHS = 30;
    static final int WIDTH = 32;

    private DigitsTransformer() {}

    /** Row embedding plus a learned position embedding (attention alone ignores order), encoder, pooled linear head. */
    static final class RowTransformer extends Layer {
        private final Linear embed = registerModule("embed", new Linear(Digits.SIDE, WIDTH));
        private final Tensor position = registerParameter("position", Nabla.randn(Digits.SIDE, WIDTH).mul(0.02));
        private final TransformerEncoder encoder = registerModule("encoder", new TransformerEncoder(new TransformerEncoderLayer(WIDTH, 4,
                TransformerOptions.defaults().withDimFeedforward(2 * WIDTH).withDropout(0.1).withBatchFirst(true)), 2));
        private final Linear head = registerModule("head", new Linear(WIDTH, 10));

        @Override
        public Tensor forward(Tensor images) {
            Tensor tokens = embed.forward(images.reshape(images.size(0), Digits.SIDE, Digits.SIDE)).add(position);
            return head.forward(encoder.forward(tokens).mean(1));
        }
    }

    public static Map<String, Object> run(ExampleOptions options) {
        DataSplit data = Digits.split(options.seed());
        Nabla.manualSeed(options.seed());
        var model = new Model(new RowTransformer()).compile("adam", 2e-3, "cross_entropy", "accuracy");
        return Training.classify("Transformer encoder over image rows", model, data, options.epochsOr(EPOCHS), 32, options);
    }
}
