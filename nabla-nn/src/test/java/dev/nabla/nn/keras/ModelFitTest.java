package dev.nabla.nn.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.data.DataLoader;
import dev.nabla.data.Datasets;
import dev.nabla.data.TensorDataset;
import dev.nabla.nn.Dropout;
import dev.nabla.nn.Linear;
import dev.nabla.nn.ModuleList;
import dev.nabla.nn.ReLU;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.optim.Sgd;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelFitTest {
    private static final FitOptions QUIET = FitOptions.defaults().withVerbose(0);

    @Test
    void fitsASeparableProblemToHighAccuracyAndEvaluateAgreesWithValidation() {
        Nabla.manualSeed(0);
        Tensor[] xy = Problems.separable(512, 1);
        Model model = new Model(Problems.mlp()).compile("adam", 0.02, "cross_entropy", "accuracy");
        History h = model.fit(xy[0], xy[1], QUIET.withEpochs(15).withValidationSplit(0.25).withSeed(1));

        assertEquals(List.of("loss", "accuracy", "lr", "val_loss", "val_accuracy"), List.copyOf(h.keys()));
        assertEquals(15, h.epochs());
        assertTrue(h.last("accuracy") > 0.95, h.toString());
        assertTrue(h.last("val_accuracy") > 0.95, h.toString());
        assertTrue(h.last("loss") < h.get("loss").getFirst() / 3, h.toString());
        // validation is the last quarter, batched like evaluate's: the same sums in the same order
        Tensor xVal = xy[0].narrow(0, 384, 128), yVal = xy[1].narrow(0, 384, 128);
        Map<String, Double> eval = model.evaluate(xVal, yVal);
        assertEquals(h.last("val_loss"), eval.get("loss"), 1e-12);
        assertEquals(h.last("val_accuracy"), eval.get("accuracy"), 1e-12);
    }

    @Test
    void singleLogitBinaryModelCountsAccuracyAboveZero() {
        Nabla.manualSeed(0);
        Tensor[] xy = Problems.separable(256, 2);
        Tensor y = xy[1].toFloat().unsqueeze(1);
        Model model = new Model(new Linear(2, 1)).compile("sgd", 0.5, "bce_with_logits", "accuracy", "auc");
        History h = model.fit(xy[0], y, QUIET.withEpochs(10).withSeed(3));
        assertTrue(h.last("accuracy") > 0.95, h.toString());
        assertTrue(h.last("auc") > 0.99, h.toString());
    }

    @Test
    void fitsFromADataLoaderWithValidationBatches() {
        Nabla.manualSeed(0);
        Tensor[] xy = Problems.separable(400, 4);
        var parts = Datasets.randomSplit(new TensorDataset(xy[0], xy[1]), new double[] {0.8, 0.2}, new Generator(5));
        DataLoader<Tensor[]> train = DataLoader.builder(parts.get(0)).batchSize(32).shuffle(true).generator(new Generator(6)).build();
        DataLoader<Tensor[]> val = DataLoader.builder(parts.get(1)).batchSize(64).build();
        Model model = new Model(Problems.mlp()).compile("adam", 0.02, "cross_entropy", "accuracy");
        History h = model.fit(train, QUIET.withEpochs(10).withValidationData(val));
        assertTrue(h.last("val_accuracy") > 0.9, h.toString());
        assertEquals(h.last("val_accuracy"), model.evaluate(val).get("accuracy"), 1e-12);
    }

    @Test
    void twoRunsWithTheSameSeedsGiveBitIdenticalWeightsAndHistory() {
        Run a = seededRun(), b = seededRun();
        assertEquals(a.history(), b.history());
        assertEquals(a.weights().keySet(), b.weights().keySet());
        for (String k : a.weights().keySet()) assertTrue(a.weights().get(k).equal(b.weights().get(k)), k);
    }

    private record Run(History history, Map<String, Tensor> weights) {}

    private static Run seededRun() {
        Nabla.manualSeed(7); // initial weights and dropout masks
        Tensor[] xy = Problems.separable(200, 8);
        var net = new Sequential(new Linear(2, 16), new ReLU(), new Dropout(0.2), new Linear(16, 2));
        Model model = new Model(net).compile("adam", 0.01, "cross_entropy", "accuracy", "macro_f1");
        History h = model.fit(xy[0], xy[1], QUIET.withEpochs(4).withBatchSize(16).withValidationSplit(0.2).withSeed(3));
        return new Run(h, net.stateDict());
    }

    @Test
    void predictRunsBatchedInEvalModeWithoutAutogradAndRestoresTheMode() {
        Nabla.manualSeed(1);
        var net = new Sequential(new Linear(3, 8), new Dropout(0.5), new Linear(8, 2));
        Model model = new Model(net);
        Tensor x = Nabla.randn(new Generator(2), 70, 3);
        Tensor p = model.predict(x, 32);
        assertFalse(p.requiresGrad());
        assertTrue(net.isTraining());
        net.eval();
        assertTrue(p.allclose(net.forward(x), 1e-6, 1e-6));
        assertTrue(p.equal(model.predict(x, 32)));
    }

    @Test
    void modelsWithSeveralInputsTakeAForwardFunction() {
        Nabla.manualSeed(2);
        var branches = new ModuleList<>(new Linear(2, 8), new Linear(1, 8), new Linear(8, 2));
        Model model = new Model(branches, in -> branches.get(2).forward(branches.get(0).forward(in[0]).add(branches.get(1).forward(in[1])).relu()));
        model.compile("adam", 0.02, "cross_entropy", "accuracy");
        Tensor[] xy = Problems.separable(256, 9);
        Tensor extra = Nabla.randn(new Generator(10), 256, 1);
        History h = model.fit(new Tensor[] {xy[0], extra}, xy[1], QUIET.withEpochs(15).withSeed(1));
        assertTrue(h.last("accuracy") > 0.9, h.toString());
        assertArrayEquals(new int[] {256, 2}, model.predict(new Tensor[] {xy[0], extra}, 100).shape());
    }

    @Test
    void clippingBoundsEachUpdate() {
        Tensor[] xy = Problems.separable(64, 11);
        for (boolean byNorm : new boolean[] {true, false}) {
            Nabla.manualSeed(3);
            var net = new Linear(2, 2);
            Tensor before = net.stateDict().get("weight").clone();
            Model model = new Model(net).compile(new Sgd(net.parameters(), Sgd.Options.of(1.0)), "cross_entropy");
            FitOptions one = QUIET.withBatchSize(64).withShuffle(false);
            model.fit(xy[0], xy[1], byNorm ? one.withClipGradNorm(1e-3) : one.withClipGradValue(1e-4));
            Tensor step = net.stateDict().get("weight").sub(before).abs();
            if (byNorm) assertTrue(step.square().sum().sqrt().item() <= 1e-3 + 1e-7, step.toString());
            else assertTrue(step.max().item() <= 1e-4 + 1e-7, step.toString());
        }
    }

    @Test
    void mistakesSayWhatToDo() {
        Tensor[] xy = Problems.separable(10, 0);
        Model model = new Model(Problems.mlp());
        var notCompiled = assertThrows(IllegalStateException.class, () -> model.fit(xy[0], xy[1], QUIET));
        assertTrue(notCompiled.getMessage().contains("compile("), notCompiled.getMessage());
        var badLoss = assertThrows(IllegalArgumentException.class, () -> model.compile("adam", 0.1, "crossentropy"));
        assertTrue(badLoss.getMessage().contains("cross_entropy"), badLoss.getMessage());
        var badOptimizer = assertThrows(IllegalArgumentException.class, () -> model.compile("adamm", 0.1, "mse"));
        assertTrue(badOptimizer.getMessage().contains("adam"), badOptimizer.getMessage());
        var badMetric = assertThrows(IllegalArgumentException.class, () -> model.compile("adam", 0.1, "mse", "acc"));
        assertTrue(badMetric.getMessage().contains("accuracy"), badMetric.getMessage());
        model.compile("adam", 0.1, "cross_entropy");
        var mismatch = assertThrows(IllegalArgumentException.class, () -> model.fit(xy[0], xy[1].narrow(0, 0, 5), QUIET));
        assertTrue(mismatch.getMessage().contains("target has 5 samples"), mismatch.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QUIET.withValidationSplit(0.2).withValidationData(xy[0], xy[1]));
    }
}
