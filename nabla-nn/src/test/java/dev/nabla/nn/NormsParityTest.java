package dev.nabla.nn;

import static dev.nabla.nn.NnFixtures.check;
import static dev.nabla.nn.NnFixtures.single;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** BatchNorm (train with running-stat updates, eval with loaded statistics), LayerNorm and GroupNorm against PyTorch (norms.json). */
class NormsParityTest {
    @TestFactory
    Stream<DynamicTest> normsMatchPyTorch() {
        return NnFixtures.load("norms").stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Layer layer = build(c);
            check(c, layer, single(layer));
        }));
    }

    private static Layer build(NnFixtures.Case c) {
        var bn = new BatchNorm.Options(c.doubleArg("eps", 1e-5), c.doubleArg("momentum", 0.1), c.boolArg("affine", true),
                c.boolArg("track_running_stats", true));
        return switch (c.module()) {
            case "BatchNorm1d" -> new BatchNorm1d(c.intArg("num_features", 0), bn);
            case "BatchNorm2d" -> new BatchNorm2d(c.intArg("num_features", 0), bn);
            case "LayerNorm" -> new LayerNorm(c.intsArg("normalized_shape", 1, 0), c.doubleArg("eps", 1e-5), c.boolArg("elementwise_affine", true));
            case "GroupNorm" -> new GroupNorm(c.intArg("num_groups", 0), c.intArg("num_channels", 0), c.doubleArg("eps", 1e-5), c.boolArg("affine", true));
            default -> throw new IllegalArgumentException("no builder for fixture module " + c.module());
        };
    }
}
