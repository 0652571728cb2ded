package dev.nabla.nn;

import static dev.nabla.nn.NnFixtures.check;
import static dev.nabla.nn.NnFixtures.single;

import dev.nabla.Tensor;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Linear, convolution, pooling, embedding, dropout and activation layers against PyTorch (layers.json). */
class LayersParityTest {
    @TestFactory
    Stream<DynamicTest> layersMatchPyTorch() {
        return NnFixtures.load("layers").stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    private static void run(NnFixtures.Case c) {
        switch (c.module()) {
            case "Bilinear" -> {
                var m = new Bilinear(c.intArg("in1_features", 0), c.intArg("in2_features", 0), c.intArg("out_features", 0));
                check(c, m, in -> new Tensor[] {m.forward(in[0], in[1])});
            }
            default -> {
                Layer layer = build(c);
                check(c, layer, single(layer));
            }
        }
    }

    private static Layer build(NnFixtures.Case c) {
        return switch (c.module()) {
            case "Linear" -> new Linear(c.intArg("in_features", 0), c.intArg("out_features", 0), c.boolArg("bias", true));
            case "Conv1d" -> new Conv1d(c.intArg("in_channels", 0), c.intArg("out_channels", 0), c.intArg("kernel_size", 0),
                    Conv1d.Options.defaults().withStride(c.intArg("stride", 1)).withPadding(c.intArg("padding", 0))
                            .withDilation(c.intArg("dilation", 1)).withGroups(c.intArg("groups", 1)).withBias(c.boolArg("bias", true)));
            case "Conv2d" -> new Conv2d(c.intArg("in_channels", 0), c.intArg("out_channels", 0), c.intsArg("kernel_size", 2, 0),
                    new Conv2d.Options(c.intsArg("stride", 2, 1), c.intsArg("padding", 2, 0), c.intsArg("dilation", 2, 1),
                            c.intArg("groups", 1), c.boolArg("bias", true), c.stringArg("padding_mode", "zeros")));
            case "ConvTranspose2d" -> new ConvTranspose2d(c.intArg("in_channels", 0), c.intArg("out_channels", 0), c.intsArg("kernel_size", 2, 0),
                    new ConvTranspose2d.Options(c.intsArg("stride", 2, 1), c.intsArg("padding", 2, 0), c.intsArg("output_padding", 2, 0),
                            c.intArg("groups", 1), c.boolArg("bias", true), c.intsArg("dilation", 2, 1)), dev.nabla.Nabla.defaultGenerator());
            case "MaxPool1d" -> new MaxPool1d(c.intArg("kernel_size", 0), MaxPool1d.Options.defaults()
                    .withStride(c.intArg("stride", 0)).withPadding(c.intArg("padding", 0)).withCeilMode(c.boolArg("ceil_mode", false)));
            case "MaxPool2d" -> new MaxPool2d(c.intsArg("kernel_size", 2, 0), new MaxPool2d.Options(
                    c.args().has("stride") ? c.intsArg("stride", 2, 1) : null, c.intsArg("padding", 2, 0), c.intsArg("dilation", 2, 1),
                    c.boolArg("ceil_mode", false)));
            case "AvgPool2d" -> new AvgPool2d(c.intsArg("kernel_size", 2, 0), new AvgPool2d.Options(
                    c.args().has("stride") ? c.intsArg("stride", 2, 1) : null, c.intsArg("padding", 2, 0), c.boolArg("ceil_mode", false),
                    c.boolArg("count_include_pad", true), 0));
            case "AdaptiveAvgPool2d" -> new AdaptiveAvgPool2d(c.intsArg("output_size", 2, 0));
            case "Flatten" -> new Flatten(c.intArg("start_dim", 1), c.intArg("end_dim", -1));
            case "Identity" -> new Identity();
            case "Embedding" -> c.args().has("padding_idx")
                    ? new Embedding(c.intArg("num_embeddings", 0), c.intArg("embedding_dim", 0), c.intArg("padding_idx", 0))
                    : new Embedding(c.intArg("num_embeddings", 0), c.intArg("embedding_dim", 0));
            case "Dropout" -> new Dropout(c.doubleArg("p", 0.5));
            case "ReLU" -> new ReLU();
            case "LeakyReLU" -> new LeakyReLU(c.doubleArg("negative_slope", 0.01));
            case "ELU" -> new ELU(c.doubleArg("alpha", 1));
            case "GELU" -> new GELU(c.stringArg("approximate", "none"));
            case "SiLU" -> new SiLU();
            case "Sigmoid" -> new Sigmoid();
            case "Tanh" -> new Tanh();
            case "Softplus" -> new Softplus(c.doubleArg("beta", 1), c.doubleArg("threshold", 20));
            case "Softmax" -> new Softmax(c.intArg("dim", -1));
            case "LogSoftmax" -> new LogSoftmax(c.intArg("dim", -1));
            case "Sequential" -> new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 2));
            default -> throw new IllegalArgumentException("no builder for fixture module " + c.module());
        };
    }
}
