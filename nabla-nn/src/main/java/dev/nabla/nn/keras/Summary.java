package dev.nabla.nn.keras;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.nn.Embedding;
import dev.nabla.nn.Layer;
import dev.nabla.nn.Module;
import dev.nabla.nn.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keras's {@code model.summary()}: one row per top-level layer with its output shape and parameter
 * count, then the totals. Output shapes come from a forward pass (eval mode, no autograd) on zeros of
 * the sample shapes with a batch of 1. A {@link Sequential} is stepped layer by layer, so every row
 * gets its shape; inside other modules the layers' outputs cannot be observed (modules have no
 * forward hooks), so those rows show "?" and the model's own output shape closes the table.
 */
final class Summary {
    private record Row(String name, String shape, long params) {}

    private Summary() {}

    static String of(Model model, int[][] sampleShapes) {
        Module root = model.module();
        List<Row> rows = new ArrayList<>();
        String output = "?";
        boolean wasTraining = root.isTraining();
        root.eval();
        try (var g = Nabla.noGrad()) {
            Tensor[] inputs = sampleShapes == null ? null : zeros(root, sampleShapes);
            if (root instanceof Sequential seq && inputs != null && inputs.length == 1) {
                Tensor x = inputs[0];
                for (var e : seq.namedChildren().entrySet()) {
                    x = ((Layer) e.getValue()).forward(x);
                    rows.add(row(e.getKey(), e.getValue(), shape(x)));
                }
                output = shape(x);
            } else {
                Map<String, Module> children = root.namedChildren();
                if (children.isEmpty()) rows.add(row("", root, "?"));
                for (var e : children.entrySet()) rows.add(row(e.getKey(), e.getValue(), "?"));
                if (inputs != null) output = shape(model.forward().apply(inputs));
            }
        } finally {
            root.train(wasTraining);
        }
        return table(root, rows, output);
    }

    private static Row row(String name, Module m, String shape) {
        String type = m.getClass().getSimpleName();
        return new Row(name.isEmpty() ? type : name + " (" + type + ")", shape, m.numParameters());
    }

    /** A batch of one zero sample per input; integer zeros for a model that starts with an embedding (it takes indices). */
    private static Tensor[] zeros(Module root, int[][] sampleShapes) {
        boolean indices = root.modules().stream().filter(m -> m.children().isEmpty()).findFirst().orElse(root) instanceof Embedding;
        Tensor[] inputs = new Tensor[sampleShapes.length];
        for (int i = 0; i < inputs.length; i++) {
            int[] shape = new int[sampleShapes[i].length + 1];
            shape[0] = 1;
            System.arraycopy(sampleShapes[i], 0, shape, 1, sampleShapes[i].length);
            inputs[i] = Nabla.zeros(indices ? DType.INT64 : DType.FLOAT32, shape);
        }
        return inputs;
    }

    /** Keras's notation: the batch dimension is "None". */
    private static String shape(Tensor t) {
        StringBuilder sb = new StringBuilder("(None");
        for (int d = 1; d < t.dim(); d++) sb.append(", ").append(t.size(d));
        return sb.append(")").toString();
    }

    private static String table(Module root, List<Row> rows, String output) {
        long total = root.numParameters(), trainable = 0;
        for (Tensor p : root.parameters()) if (p.requiresGrad()) trainable += p.numel();
        int nameWidth = "Layer (type)".length(), shapeWidth = Math.max("Output shape".length(), output.length());
        for (Row r : rows) {
            nameWidth = Math.max(nameWidth, r.name().length());
            shapeWidth = Math.max(shapeWidth, r.shape().length());
        }
        String format = "%-" + (nameWidth + 2) + "s%-" + (shapeWidth + 2) + "s%s%n";
        int width = nameWidth + shapeWidth + 4 + 12;
        StringBuilder sb = new StringBuilder("Model: ").append(root.getClass().getSimpleName()).append(System.lineSeparator());
        sb.append(String.format(Locale.ROOT, format, "Layer (type)", "Output shape", "Param #"));
        sb.append("=".repeat(width)).append(System.lineSeparator());
        for (Row r : rows) sb.append(String.format(Locale.ROOT, format, r.name(), r.shape(), count(r.params())));
        sb.append("=".repeat(width)).append(System.lineSeparator());
        sb.append("Output shape: ").append(output).append(System.lineSeparator());
        sb.append("Total params: ").append(count(total)).append(System.lineSeparator());
        sb.append("Trainable params: ").append(count(trainable)).append(System.lineSeparator());
        sb.append("Non-trainable params: ").append(count(total - trainable)).append(System.lineSeparator());
        return sb.toString();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
