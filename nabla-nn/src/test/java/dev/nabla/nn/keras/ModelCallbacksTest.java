package dev.nabla.nn.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.data.Npz;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.optim.Sgd;
import dev.nabla.nn.optim.StepLR;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCallbacksTest {
    private static final FitOptions QUIET = FitOptions.defaults().withVerbose(0).withSeed(0);
    @TempDir Path dir;

    /** Puts a scripted "score" into each epoch's logs, so the monitored sequence is known exactly. */
    private record Script(double... scores) implements Callback {
        @Override public void onEpochEnd(int epoch, Map<String, Double> logs) { logs.put("score", scores[epoch]); }
    }

    /** Copies the weights at the end of every epoch. */
    private static final class Snapshots implements Callback {
        final List<Map<String, Tensor>> weights = new ArrayList<>();
        Model model;

        @Override public void onTrainBegin(Model model, TrainingPlan plan) { this.model = model; }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            Map<String, Tensor> copy = new LinkedHashMap<>();
            model.module().stateDict().forEach((k, v) -> copy.put(k, v.detach().clone()));
            weights.add(copy);
        }
    }

    private static Model sgdModel(Sequential net, double lr) {
        return new Model(net).compile(new Sgd(net.parameters(), Sgd.Options.of(lr)), "cross_entropy", "accuracy");
    }

    private static void assertWeightsEqual(Map<String, Tensor> expected, Map<String, Tensor> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String k : expected.keySet()) assertTrue(expected.get(k).equal(actual.get(k)), k);
    }

    @Test
    void earlyStoppingStopsAfterPatienceEpochsAndRestoresTheBestWeights() {
        Nabla.manualSeed(0);
        Tensor[] xy = Problems.separable(64, 1);
        var net = Problems.mlp();
        var snapshots = new Snapshots();
        var stop = new EarlyStopping(EarlyStopping.Options.defaults().withMonitor("score").withPatience(2).withRestoreBestWeights(true));
        History h = sgdModel(net, 0.1).fit(xy[0], xy[1], QUIET.withEpochs(10).withCallbacks(new Script(1.0, 0.5, 0.6, 0.7, 0.1, 0.1), snapshots, stop));
        // best at epoch 1; epochs 2 and 3 do not improve, so patience 2 runs out after epoch 3
        assertEquals(4, h.epochs());
        assertEquals(1, stop.bestEpoch());
        assertEquals(3, stop.stoppedEpoch());
        assertEquals(List.of(1.0, 0.5, 0.6, 0.7), h.get("score"));
        assertWeightsEqual(snapshots.weights.get(1), net.stateDict());
    }

    @Test
    void earlyStoppingNeedsImprovementsLargerThanMinDeltaAndReadsModeFromTheName() {
        Tensor[] xy = Problems.separable(64, 1);
        var stop = new EarlyStopping(EarlyStopping.Options.defaults().withMonitor("score").withPatience(1).withMinDelta(0.1));
        History h = sgdModel(Problems.mlp(), 0.1).fit(xy[0], xy[1], QUIET.withEpochs(10).withCallbacks(new Script(1.0, 0.95, 0.5), stop));
        assertEquals(2, h.epochs());

        // "accuracy" improves upwards: a falling accuracy stops training
        var byAccuracy = new EarlyStopping(EarlyStopping.Options.defaults().withMonitor("val_accuracy"));
        var falling = new Callback() {
            @Override public void onEpochEnd(int epoch, Map<String, Double> logs) { logs.put("val_accuracy", 1.0 - epoch * 0.1); }
        };
        History h2 = sgdModel(Problems.mlp(), 0.1).fit(xy[0], xy[1], QUIET.withEpochs(10).withCallbacks(falling, byAccuracy));
        assertEquals(2, h2.epochs());
    }

    @Test
    void monitoringAValueThatIsNotLoggedNamesTheFix() {
        Tensor[] xy = Problems.separable(64, 1);
        var e = assertThrows(IllegalStateException.class, () -> sgdModel(Problems.mlp(), 0.1)
                .fit(xy[0], xy[1], QUIET.withCallbacks(new EarlyStopping(EarlyStopping.Options.defaults()))));
        assertTrue(e.getMessage().contains("'val_loss'") && e.getMessage().contains("validation data"), e.getMessage());
    }

    @Test
    void bestOnlyCheckpointWritesWhenTheMonitoredValueImproves() throws IOException {
        Nabla.manualSeed(0);
        Tensor[] xy = Problems.separable(64, 1);
        var net = Problems.mlp();
        var snapshots = new Snapshots();
        List<Path> written = new ArrayList<>();
        WeightsWriter recording = (m, f) -> {
            written.add(f);
            WeightsWriter.npz().write(m, f);
        };
        var ckpt = new ModelCheckpoint(dir.resolve("ckpt-{epoch}.npz"),
                ModelCheckpoint.Options.defaults().withMonitor("score").withSaveBestOnly(true), recording);
        sgdModel(net, 0.1).fit(xy[0], xy[1], QUIET.withEpochs(5).withCallbacks(new Script(3, 1, 2, 0.5, 4), snapshots, ckpt));

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("ckpt-1.npz", "ckpt-2.npz", "ckpt-4.npz"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(dir.resolve("ckpt-4.npz"), ckpt.lastSaved());
        // the writer wrote a temporary sibling that was renamed into place
        assertEquals(3, written.size());
        assertTrue(written.stream().allMatch(p -> p.getParent().equals(dir) && p.getFileName().toString().endsWith(".part")), written.toString());
        assertWeightsEqual(snapshots.weights.get(3), Npz.read(dir.resolve("ckpt-4.npz")));
        var restored = Problems.mlp();
        restored.loadStateDict(Npz.read(dir.resolve("ckpt-2.npz")), true);
        assertWeightsEqual(snapshots.weights.get(1), restored.stateDict());
    }

    @Test
    void csvLoggerWritesAHeaderAndOneRowPerEpochAndAppendsOnRequest() throws IOException {
        Nabla.manualSeed(0);
        Tensor[] xy = Problems.separable(96, 1);
        Path csv = dir.resolve("log.csv");
        Model model = sgdModel(Problems.mlp(), 0.1);
        History h = model.fit(xy[0], xy[1], QUIET.withEpochs(3).withValidationSplit(0.25).withCallbacks(new CSVLogger(csv)));

        List<String> lines = Files.readAllLines(csv);
        assertEquals("epoch,loss,accuracy,lr,val_loss,val_accuracy", lines.getFirst());
        assertEquals(4, lines.size());
        for (int e = 0; e < 3; e++) {
            String[] cells = lines.get(e + 1).split(",");
            assertEquals(Integer.toString(e), cells[0]);
            List<String> keys = List.of("loss", "accuracy", "lr", "val_loss", "val_accuracy");
            for (int c = 0; c < keys.size(); c++) assertEquals(h.get(keys.get(c)).get(e), Double.parseDouble(cells[c + 1]), keys.get(c));
        }

        model.fit(xy[0], xy[1], QUIET.withEpochs(2).withValidationSplit(0.25).withCallbacks(new CSVLogger(csv, true)));
        lines = Files.readAllLines(csv);
        assertEquals(6, lines.size());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("epoch")).count());
        assertTrue(lines.get(4).startsWith("0,") && lines.get(5).startsWith("1,"), lines.toString());
        // a rewrite replaces the file whole
        model.fit(xy[0], xy[1], QUIET.withEpochs(1).withCallbacks(new CSVLogger(csv)));
        assertEquals(List.of("epoch,loss,accuracy,lr"), Files.readAllLines(csv).subList(0, 1));
        assertEquals(2, Files.readAllLines(csv).size());
    }

    @Test
    void learningRateSchedulersChangeTheRatePerEpochOrPerBatch() {
        Tensor[] xy = Problems.separable(64, 1);
        FitOptions fourBatches = QUIET.withEpochs(3).withBatchSize(16);

        History perEpoch = new Model(Problems.mlp()).compile("sgd", 0.1, "cross_entropy")
                .fit(xy[0], xy[1], fourBatches.withCallbacks(LearningRateScheduler.of(opt -> new StepLR(opt, 1, 0.5), LearningRateScheduler.Every.EPOCH)));
        assertEquals(List.of(0.1, 0.05, 0.025), perEpoch.get("lr"));

        // logged when the epoch's batches are done: after its fourth halving
        History perBatch = new Model(Problems.mlp()).compile("sgd", 0.1, "cross_entropy")
                .fit(xy[0], xy[1], fourBatches.withCallbacks(LearningRateScheduler.of(opt -> new StepLR(opt, 1, 0.5), LearningRateScheduler.Every.BATCH)));
        assertEquals(List.of(0.1 / 16, 0.1 / 256, 0.1 / 4096), perBatch.get("lr"));

        History keras = new Model(Problems.mlp()).compile("sgd", 0.1, "cross_entropy")
                .fit(xy[0], xy[1], fourBatches.withCallbacks(LearningRateScheduler.of((epoch, lr) -> epoch == 0 ? 0.2 : lr / 4)));
        assertEquals(List.of(0.2, 0.05, 0.0125), keras.get("lr"));
    }

    @Test
    void reduceLrOnPlateauCutsTheRateWhenTheValueStalls() {
        Tensor[] xy = Problems.separable(64, 1);
        var plateau = new ReduceLROnPlateau("score", dev.nabla.nn.optim.ReduceLROnPlateau.Options.defaults().withPatience(0).withFactor(0.5));
        History h = new Model(Problems.mlp()).compile("sgd", 0.1, "cross_entropy")
                .fit(xy[0], xy[1], QUIET.withEpochs(4).withCallbacks(new Script(1, 1, 1, 1), plateau));
        // the first epoch sets the best; each later one stalls and halves the rate for the next
        assertEquals(List.of(0.1, 0.1, 0.05, 0.025), h.get("lr"));
    }

    @Test
    void stopTrainingFromABatchEndsTheFitAfterThatBatch() {
        Tensor[] xy = Problems.separable(64, 1);
        List<Integer> batches = new ArrayList<>();
        var stopAtThird = new Callback() {
            Model model;
            @Override public void onTrainBegin(Model model, TrainingPlan plan) { this.model = model; }
            @Override public void onBatchEnd(int batch, Map<String, Double> logs) {
                batches.add(batch);
                if (batch == 2) model.stopTraining();
            }
        };
        History h = sgdModel(Problems.mlp(), 0.1).fit(xy[0], xy[1], QUIET.withEpochs(5).withBatchSize(8).withCallbacks(stopAtThird));
        assertEquals(1, h.epochs());
        assertEquals(List.of(0, 1, 2), batches);
        assertFalse(h.keys().contains("size"), "batch sizes stay out of the epoch logs");
    }
}
