package dev.nabla.ml;

import static dev.nabla.ml.Fixtures.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Tensor;
import dev.nabla.ml.metrics.Average;
import dev.nabla.ml.metrics.Metrics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Metrics equal scikit-learn's on fixed inputs (to the last few ulps; the report text exactly). */
class MetricsParityTest {
    private static final JsonNode REF = Fixtures.load("metrics.json");
    private static final double TOL = 1e-14;

    @ParameterizedTest
    @ValueSource(strings = {"binary", "multiclass"})
    void classification(String key) {
        JsonNode c = REF.get(key);
        Tensor t = vector(c.get("y_true")), p = vector(c.get("y_pred"));
        assertEquals(c.get("accuracy").asDouble(), Metrics.accuracy(t, p), TOL);
        assertEquals(c.get("balanced_accuracy").asDouble(), Metrics.balancedAccuracy(t, p), TOL);
        assertEquals(Fixtures.matrix(c.get("confusion")).toLong().toString(), Metrics.confusionMatrix(t, p).toString());
        for (Average a : Average.values()) {
            String name = a.name().toLowerCase();
            if (!c.has("precision_" + name)) continue;
            assertEquals(c.get("precision_" + name).asDouble(), Metrics.precision(t, p, a), TOL, "precision " + name);
            assertEquals(c.get("recall_" + name).asDouble(), Metrics.recall(t, p, a), TOL, "recall " + name);
            assertEquals(c.get("f1_" + name).asDouble(), Metrics.f1(t, p, a), TOL, "f1 " + name);
        }
        assertEquals(c.get("report").asText(), Metrics.classificationReport(t, p));
    }

    @Test
    void scores() {
        JsonNode b = REF.get("binary"), m = REF.get("multiclass");
        assertEquals(b.get("roc_auc").asDouble(), Metrics.rocAuc(vector(b.get("y_true")), vector(b.get("score"))), TOL);
        assertEquals(b.get("log_loss").asDouble(), Metrics.logLoss(vector(b.get("y_true")), vector(b.get("score")).clamp(0, 1)), 1e-12);
        Tensor proba = Fixtures.matrix(m.get("proba"));
        assertEquals(m.get("roc_auc_ovr").asDouble(), Metrics.rocAuc(vector(m.get("y_true")), proba), TOL);
        assertEquals(m.get("log_loss").asDouble(), Metrics.logLoss(vector(m.get("y_true")), proba), 1e-12);
    }

    @Test
    void regression() {
        JsonNode r = REF.get("regression");
        Tensor t = vector(r.get("y_true")), p = vector(r.get("y_pred"));
        assertEquals(r.get("mse").asDouble(), Metrics.mse(t, p), TOL);
        assertEquals(r.get("rmse").asDouble(), Metrics.rmse(t, p), TOL);
        assertEquals(r.get("mae").asDouble(), Metrics.mae(t, p), TOL);
        assertEquals(r.get("r2").asDouble(), Metrics.r2(t, p), TOL);
        assertEquals(r.get("explained_variance").asDouble(), Metrics.explainedVariance(t, p), TOL);
    }

    @Test
    void binaryAverageRejectsMulticlass() {
        JsonNode c = REF.get("multiclass");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metrics.f1(vector(c.get("y_true")), vector(c.get("y_pred"))));
        assertEquals(true, e.getMessage().contains("average=BINARY needs two"), e.getMessage());
    }
}
