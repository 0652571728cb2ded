package dev.nabla.nn;

import static dev.nabla.nn.NnFixtures.check;

import dev.nabla.Tensor;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** MultiheadAttention and the transformer layers (eval mode, with masks) against PyTorch (attention.json). */
class AttentionParityTest {
    @TestFactory
    Stream<DynamicTest> attentionMatchesPyTorch() {
        return NnFixtures.load("attention").stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    private static void run(NnFixtures.Case c) {
        int e = c.intArg("embed_dim", c.intArg("d_model", 0)), h = c.intArg("num_heads", c.intArg("nhead", 0));
        var options = TransformerOptions.defaults().withDimFeedforward(c.intArg("dim_feedforward", 2048))
                .withActivation(c.stringArg("activation", "relu")).withNormFirst(c.boolArg("norm_first", false))
                .withBatchFirst(c.boolArg("batch_first", false));
        switch (c.module()) {
            case "MultiheadAttention" -> {
                var m = new MultiheadAttention(e, h, 0, c.boolArg("bias", true), c.boolArg("batch_first", false));
                check(c, m, x -> {
                    var out = m.forward(x[0], x[1], x[2], c.kwTensor("key_padding_mask"), c.kwBool("need_weights", true),
                            c.kwTensor("attn_mask"), c.kwBool("average_attn_weights", true));
                    return new Tensor[] {out.output(), out.weights()};
                });
            }
            case "TransformerEncoderLayer" -> {
                var m = new TransformerEncoderLayer(e, h, options);
                check(c, m, x -> new Tensor[] {m.forward(x[0], c.kwTensor("src_mask"), c.kwTensor("src_key_padding_mask"))});
            }
            case "TransformerEncoder" -> {
                var m = new TransformerEncoder(new TransformerEncoderLayer(e, h, options), c.intArg("num_layers", 1),
                        c.boolArg("norm", false) ? new LayerNorm(e) : null);
                check(c, m, x -> new Tensor[] {m.forward(x[0], c.kwTensor("mask"), c.kwTensor("src_key_padding_mask"))});
            }
            case "TransformerDecoderLayer" -> {
                var m = new TransformerDecoderLayer(e, h, options);
                check(c, m, x -> new Tensor[] {m.forward(x[0], x[1], c.kwTensor("tgt_mask"), c.kwTensor("memory_mask"),
                        c.kwTensor("tgt_key_padding_mask"), c.kwTensor("memory_key_padding_mask"))});
            }
            default -> throw new IllegalArgumentException("no builder for fixture module " + c.module());
        }
    }
}
