package dev.nabla.nn.keras;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.Tensor;
import dev.nabla.nn.keras.Metrics.Average;
import org.junit.jupiter.api.Test;

/**
 * Metric values against hand counts and against scikit-learn's documented examples (the values its
 * docs print for precision_score, recall_score, f1_score and roc_auc_score on the same inputs).
 */
class ModelMetricsTest {
    private static final double EPS = 1e-12;

    /** Scores [N, C] whose argmax is each label (one-hot rows, so the predicted class is unambiguous). */
    private static Tensor scoresFor(long[] labels, int classes) {
        float[] s = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) s[i * classes + (int) labels[i]] = 1;
        return tensor(s, labels.length, classes);
    }

    private static double value(Metric m, Tensor predictions, Tensor targets) {
        m.reset();
        m.update(predictions, targets);
        return m.result();
    }

    @Test
    void accuracyFromLogitsProbabilitiesThresholdsAndOneHotTargets() {
        Tensor logits = tensor(new float[][] {{2, 1, 0}, {0, 3, 1}, {1, 0, 2}, {0, 1, 0.5f}});
        Tensor targets = tensor(new long[] {0, 1, 1, 2});
        // argmax [0, 1, 2, 1]: rows 0 and 1 right
        assertEquals(0.5, value(Metrics.accuracy(), logits, targets), EPS);
        assertEquals(0.5, value(Metrics.accuracy(), logits.softmax(1), targets), EPS);
        assertEquals(0.5, value(Metrics.accuracy(), logits, scoresFor(new long[] {0, 1, 1, 2}, 3)), EPS);

        Tensor probabilities = tensor(new float[] {0.9f, 0.4f, 0.6f, 0.2f}, 4, 1);
        Tensor binary = tensor(new float[] {1, 1, 1, 0}, 4, 1);
        assertEquals(0.75, value(Metrics.accuracy(), probabilities, binary), EPS);
        Tensor binaryLogits = tensor(new float[] {2f, -0.3f, 0.1f, -1f});
        assertEquals(0.75, value(Metrics.binaryAccuracy(0), binaryLogits, binary.reshape(4)), EPS);
        assertEquals(0.5, value(Metrics.binaryAccuracy(0.5), binaryLogits, binary.reshape(4)), EPS);
    }

    @Test
    void metricsStreamAcrossBatchesAndReset() {
        Metric acc = Metrics.accuracy();
        assertTrue(Double.isNaN(acc.result()));
        acc.update(tensor(new float[][] {{1, 0}, {0, 1}}), tensor(new long[] {0, 0}));
        acc.update(tensor(new float[][] {{1, 0}}), tensor(new long[] {0}));
        assertEquals(2.0 / 3, acc.result(), EPS);
        acc.reset();
        assertTrue(Double.isNaN(acc.result()));
    }

    @Test
    void topKAccuracyCountsTheTargetAmongTheKHighestScores() {
        Tensor logits = tensor(new float[][] {{2, 1, 0}, {0, 3, 1}, {1, 0, 2}, {0, 1, 0.5f}});
        // top-2 sets {0,1}, {1,2}, {2,0}, {1,2} against targets 0, 1, 1, 2: three hits
        Metric top2 = Metrics.named("top_2_accuracy", 0.5);
        assertEquals("top_2_accuracy", top2.name());
        assertEquals(0.75, value(top2, logits, tensor(new long[] {0, 1, 1, 2})), EPS);
        assertEquals(1.0, value(Metrics.topKAccuracy(3), logits, tensor(new long[] {0, 1, 1, 2})), EPS);
    }

    @Test
    void binaryPrecisionRecallAndF1FromCounts() {
        long[] truth = {0, 1, 1, 0, 1, 1, 0, 0, 1, 1};
        long[] predicted = {0, 1, 0, 0, 1, 1, 1, 0, 1, 0};
        // class 1: tp 4 (items 1, 4, 5, 8), fp 1 (item 6), fn 2 (items 2, 9)
        Tensor scores = scoresFor(predicted, 2), targets = tensor(truth);
        assertEquals(4.0 / 5, value(Metrics.precision(Average.BINARY), scores, targets), EPS);
        assertEquals(4.0 / 6, value(Metrics.recall(Average.BINARY), scores, targets), EPS);
        assertEquals(8.0 / 11, value(Metrics.f1(Average.BINARY), scores, targets), EPS);
        // single probabilities above 0.5 are class 1
        Tensor probabilities = tensor(new float[] {0.1f, 0.8f, 0.3f, 0.2f, 0.9f, 0.7f, 0.6f, 0.4f, 0.55f, 0.45f});
        assertEquals(4.0 / 5, value(Metrics.precision(Average.BINARY), probabilities, targets), EPS);
    }

    @Test
    void macroScoresMatchScikitLearnsDocumentedExample() {
        // sklearn.metrics.precision_score docs: y_true [0, 1, 2, 0, 1, 2], y_pred [0, 2, 1, 0, 0, 1]
        // average='macro' gives precision 0.22..., recall 0.33..., f1 0.26...
        Tensor scores = scoresFor(new long[] {0, 2, 1, 0, 0, 1}, 3), targets = tensor(new long[] {0, 1, 2, 0, 1, 2});
        assertEquals(2.0 / 9, value(Metrics.precision(Average.MACRO), scores, targets), EPS);
        assertEquals(1.0 / 3, value(Metrics.recall(Average.MACRO), scores, targets), EPS);
        assertEquals(4.0 / 15, value(Metrics.f1(Average.MACRO), scores, targets), EPS);
        assertEquals("macro_f1", Metrics.f1(Average.MACRO).name());
    }

    @Test
    void aClassNeverPredictedScoresZeroAsScikitLearnsZeroDivision() {
        Tensor scores = scoresFor(new long[] {0, 0, 0}, 2), targets = tensor(new long[] {0, 1, 1});
        assertEquals(0.0, value(Metrics.precision(Average.BINARY), scores, targets), EPS);
        assertEquals(0.0, value(Metrics.f1(Average.BINARY), scores, targets), EPS);
    }

    @Test
    void binaryAveragingRejectsAThirdClass() {
        var e = assertThrows(IllegalArgumentException.class, () -> value(Metrics.recall(Average.BINARY), scoresFor(new long[] {0, 2}, 3), tensor(new long[] {0, 2})));
        assertTrue(e.getMessage().contains("Average.MACRO"), e.getMessage());
    }

    @Test
    void aucIsExactAndMatchesScikitLearnsDocumentedExample() {
        // sklearn.metrics.roc_auc_score docs: y [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8] -> 0.75
        Metric auc = Metrics.auc();
        auc.update(tensor(new float[] {0.1f, 0.4f}), tensor(new long[] {0, 0}));
        assertTrue(Double.isNaN(auc.result()), "one class seen: undefined");
        auc.update(tensor(new float[] {0.35f, 0.8f}), tensor(new long[] {1, 1}));
        assertEquals(0.75, auc.result(), EPS);
        // a tie between a positive and a negative counts one half: (0.5 + 1 + 1 + 1) / 4
        assertEquals(0.875, value(auc, tensor(new float[] {0.5f, 0.5f, 0.2f, 0.9f}), tensor(new float[] {0, 1, 0, 1})), EPS);
        // two columns of logits: the margin of class 1 ranks the samples
        Tensor twoColumns = tensor(new float[][] {{0, 0.1f}, {0, 0.4f}, {0, 0.35f}, {0, 0.8f}});
        assertEquals(0.75, value(auc, twoColumns, tensor(new long[] {0, 0, 1, 1})), EPS);
    }

    @Test
    void meanAbsoluteAndSquaredErrors() {
        Tensor predictions = tensor(new float[] {1, 2, 3, 4}, 4, 1), targets = tensor(new float[] {1.5f, 2, 2, 6});
        // differences 0.5, 0, 1, 2
        assertEquals(0.875, value(Metrics.meanAbsoluteError(), predictions, targets), EPS);
        assertEquals(1.3125, value(Metrics.meanSquaredError(), predictions, targets), EPS);
        assertThrows(IllegalArgumentException.class, () -> value(Metrics.named("mse", 0.5), predictions, tensor(new float[] {1, 2})));
    }
}
