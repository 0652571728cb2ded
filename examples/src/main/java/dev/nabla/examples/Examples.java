package dev.nabla.examples;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/** The registry behind {@code nabla example}: adding an example is one {@code add} line. */
public final class Examples {
    /** An example's name on the command line, what it does in one line, and its program. */
    public record Entry(String name, String description, Example program) {}

    private static final SequencedMap<String, Entry> ALL = new LinkedHashMap<>();

    static {
        add("mnist-mlp", "Perceptron 784-512-256-10 on MNIST (files under --data)", MnistMlp::run);
        add("mnist-cnn", "Two-block conv net on MNIST (files under --data)", MnistCnn::run);
        add("fashion-cnn", "The same conv net on Fashion-MNIST (files under --data)", FashionCnn::run);
        add("lstm", "LSTM reading the bundled 8x8 digits row by row", DigitsLstm::run);
        add("transformer", "Transformer encoder over the rows of the bundled 8x8 digits", DigitsTransformer::run);
        add("diabetes", "Regression on the bundled diabetes data: test R2 and MSE", Diabetes::run);
        add("tabular", "Wine with a categorical column: ColumnTransformer + classifier pipeline tuned by GridSearchCV", Tabular::run);
    }

    private Examples() {}

    private static void add(String name, String description, Example program) {
        ALL.put(name, new Entry(name, description, program));
    }

    /** Every example, in the order to list them. */
    public static SequencedMap<String, Entry> all() {
        return Collections.unmodifiableSequencedMap(ALL);
    }
}
