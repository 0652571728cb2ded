package dev.nabla.nn;

import static dev.nabla.nn.NnFixtures.check;

import dev.nabla.Tensor;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** RNN, LSTM and GRU (stacked, bidirectional, batch-first, initial states, unbatched) against PyTorch (recurrent.json). */
class RecurrentParityTest {
    @TestFactory
    Stream<DynamicTest> recurrentLayersMatchPyTorch() {
        return NnFixtures.load("recurrent").stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    private static void run(NnFixtures.Case c) {
        int in = c.intArg("input_size", 0), hidden = c.intArg("hidden_size", 0);
        var o = new RNNBase.Options(c.intArg("num_layers", 1), c.boolArg("bias", true), c.boolArg("batch_first", false),
                c.doubleArg("dropout", 0), c.boolArg("bidirectional", false));
        switch (c.module()) {
            case "RNN" -> {
                var m = new RNN(in, hidden, c.stringArg("nonlinearity", "tanh"), o);
                check(c, m, x -> outputs(x.length > 1 ? m.forward(x[0], x[1]) : m.forward(x[0])));
            }
            case "LSTM" -> {
                var m = new LSTM(in, hidden, o);
                check(c, m, x -> outputs(x.length > 1 ? m.forward(x[0], x[1], x[2]) : m.forward(x[0])));
            }
            case "GRU" -> {
                var m = new GRU(in, hidden, o);
                check(c, m, x -> outputs(x.length > 1 ? m.forward(x[0], x[1]) : m.forward(x[0])));
            }
            default -> throw new IllegalArgumentException("no builder for fixture module " + c.module());
        }
    }

    private static Tensor[] outputs(RNNBase.Output out) {
        return out.cN() == null ? new Tensor[] {out.output(), out.hN()} : new Tensor[] {out.output(), out.hN(), out.cN()};
    }
}
