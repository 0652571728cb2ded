package dev.nabla.nn.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.nn.BatchNorm1d;
import dev.nabla.nn.Conv2d;
import dev.nabla.nn.Embedding;
import dev.nabla.nn.Flatten;
import dev.nabla.nn.Linear;
import dev.nabla.nn.ModuleList;
import dev.nabla.nn.ReLU;
import dev.nabla.nn.Sequential;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ModelSummaryTest {
    private static long total(String summary, String label) {
        Matcher m = Pattern.compile("(?m)^" + label + ": ([\\d,]+)$").matcher(summary);
        assertTrue(m.find(), label + " missing:\n" + summary);
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static void assertRow(String summary, String layer, String shape, long params) {
        Pattern row = Pattern.compile("(?m)^" + Pattern.quote(layer) + " +" + Pattern.quote(shape) + " +" + Pattern.quote(String.format("%,d", params)) + "$");
        assertTrue(row.matcher(summary).find(), "no row '" + layer + " " + shape + " " + params + "' in:\n" + summary);
    }

    @Test
    void sequentialRowsShowEachLayersOutputShapeAndParameters() {
        var net = new Sequential(new Linear(4, 8), new BatchNorm1d(8), new ReLU(), new Linear(8, 3));
        net.get(0).requiresGrad(false);
        String s = new Model(net).summary(4);
        assertRow(s, "0 (Linear)", "(None, 8)", 40);
        assertRow(s, "1 (BatchNorm1d)", "(None, 8)", 16);
        assertRow(s, "2 (ReLU)", "(None, 8)", 0);
        assertRow(s, "3 (Linear)", "(None, 3)", 27);
        assertEquals(net.numParameters(), total(s, "Total params"));
        assertEquals(83, total(s, "Total params"));
        assertEquals(43, total(s, "Trainable params"));
        assertEquals(40, total(s, "Non-trainable params"));
        assertTrue(s.contains("Output shape: (None, 3)"), s);
        assertTrue(net.isTraining(), "summary restores the mode");
    }

    @Test
    void convolutionShapesAndThousandsSeparators() {
        var net = new Sequential(new Conv2d(1, 4, 3), new ReLU(), new Flatten(), new Linear(4 * 26 * 26, 10));
        String s = new Model(net).summary(1, 28, 28);
        assertRow(s, "0 (Conv2d)", "(None, 4, 26, 26)", 40);
        assertRow(s, "2 (Flatten)", "(None, 2704)", 0);
        assertRow(s, "3 (Linear)", "(None, 10)", 27_050);
        assertTrue(s.contains("27,050"), s);
        assertEquals(net.numParameters(), total(s, "Total params"));
    }

    @Test
    void shapesAreUnknownUntilFitRecordsTheFirstBatch() {
        Nabla.manualSeed(0);
        Model model = new Model(Problems.mlp()).compile("sgd", 0.1, "cross_entropy");
        assertRow(model.summary(), "0 (Linear)", "?", 48);
        Tensor[] xy = Problems.separable(32, 0);
        model.fit(xy[0], xy[1], FitOptions.defaults().withVerbose(0));
        assertRow(model.summary(), "0 (Linear)", "(None, 16)", 48);
        assertRow(model.summary(), "2 (Linear)", "(None, 2)", 34);
    }

    @Test
    void otherModulesListTheirChildrenAndTheModelsOutputShape() {
        var parts = new ModuleList<>(new Linear(2, 8), new Linear(1, 8), new Linear(8, 2));
        Model model = new Model(parts, in -> parts.get(2).forward(parts.get(0).forward(in[0]).add(parts.get(1).forward(in[1]))));
        String s = model.summary(new int[][] {{2}, {1}});
        assertRow(s, "0 (Linear)", "?", 24);
        assertRow(s, "1 (Linear)", "?", 16);
        assertTrue(s.contains("Output shape: (None, 2)"), s);
        assertEquals(parts.numParameters(), total(s, "Total params"));
    }

    @Test
    void embeddingModelsAreFedIndices() {
        var net = new Sequential(new Embedding(10, 4), new Flatten(), new Linear(12, 1));
        assertRow(new Model(net).summary(3), "0 (Embedding)", "(None, 3, 4)", 40);
    }
}
