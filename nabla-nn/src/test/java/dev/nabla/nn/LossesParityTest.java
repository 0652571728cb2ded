package dev.nabla.nn;

import static dev.nabla.nn.NnFixtures.check;

import dev.nabla.Tensor;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every loss module (and so every functional loss) against PyTorch, gradients for input and floating targets (losses.json). */
class LossesParityTest {
    @TestFactory
    Stream<DynamicTest> lossesMatchPyTorch() {
        return NnFixtures.load("losses").stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Loss loss = build(c);
            check(c, loss, in -> new Tensor[] {loss.forward(in[0], in[1])});
        }));
    }

    private static Loss build(NnFixtures.Case c) {
        Reduction r = c.reduction();
        return switch (c.module()) {
            case "MSELoss" -> new MSELoss(r);
            case "L1Loss" -> new L1Loss(r);
            case "SmoothL1Loss" -> new SmoothL1Loss(r, c.doubleArg("beta", 1));
            case "HuberLoss" -> new HuberLoss(r, c.doubleArg("delta", 1));
            case "CrossEntropyLoss" -> new CrossEntropyLoss(new CrossEntropyLoss.Options(c.tensorArg("weight"),
                    c.intArg("ignore_index", Losses.NO_IGNORE), r, c.doubleArg("label_smoothing", 0)));
            case "NLLLoss" -> new NLLLoss(c.tensorArg("weight"), c.intArg("ignore_index", Losses.NO_IGNORE), r);
            case "BCELoss" -> new BCELoss(c.tensorArg("weight"), r);
            case "BCEWithLogitsLoss" -> new BCEWithLogitsLoss(c.tensorArg("weight"), c.tensorArg("pos_weight"), r);
            case "KLDivLoss" -> new KLDivLoss(r, c.boolArg("log_target", false));
            default -> throw new IllegalArgumentException("no builder for fixture module " + c.module());
        };
    }
}
