package dev.nabla.nn.keras;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.data.DataLoader;
import dev.nabla.nn.Layer;
import dev.nabla.nn.Module;
import dev.nabla.nn.optim.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keras's training API over a {@link Module}:
 * <pre>{@code
 * var model = new Model(new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 2)));
 * model.compile("adam", 0.01, "cross_entropy", "accuracy");
 * History h = model.fit(x, y, FitOptions.defaults().withEpochs(20).withValidationSplit(0.2));
 * Tensor logits = model.predict(xNew);
 * }</pre>
 * A {@link Layer} is called on the one input; any other module (several inputs, extra arguments) comes
 * with a {@link Forward} function. Batches are {@code Tensor[]}s of the inputs followed by the target.
 * {@code fit} trains in training mode; {@code evaluate} and {@code predict} run in eval mode without
 * autograd; each restores the module's mode afterwards.
 */
public final class Model {
    /** The model's forward pass over its inputs, for modules that are not a one-input {@link Layer}. */
    @FunctionalInterface
    public interface Forward {
        Tensor apply(Tensor... inputs);
    }

    private final Module module;
    private final Forward forward;
    private Optimizer<?> optimizer;
    private LossFunction loss;
    private List<Metric> metrics = List.of();
    private int[][] sampleShapes;
    private volatile boolean stopRequested;

    public Model(Layer layer) {
        this(layer, inputs -> {
            if (inputs.length != 1)
                throw new IllegalArgumentException(layer.getClass().getSimpleName() + " takes one input, got " + inputs.length
                        + "; for several inputs use new Model(module, inputs -> ...)");
            return layer.forward(inputs[0]);
        });
    }

    public Model(Module module, Forward forward) {
        this.module = Objects.requireNonNull(module, "module");
        this.forward = Objects.requireNonNull(forward, "forward");
    }

    // ------------------------------------------------------------------ compile

    /** Trains with optimizer (built over this module's parameters) on loss, reporting metrics. */
    public Model compile(Optimizer<?> optimizer, LossFunction loss, Metric... metrics) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.loss = Objects.requireNonNull(loss, "loss");
        Set<String> names = new HashSet<>();
        for (Metric m : metrics)
            if (!names.add(m.name())) throw new IllegalArgumentException("compile: two metrics are named '" + m.name() + "'");
        this.metrics = List.of(metrics);
        return this;
    }

    /** Loss and metrics by name ({@link LossFunction#named}, {@link Metrics#named}). */
    public Model compile(Optimizer<?> optimizer, String loss, String... metrics) {
        return compile(optimizer, LossFunction.named(loss), namedMetrics(loss, metrics));
    }

    /** Optimizer by name ("sgd", "adam", "adamw", "rmsprop", "adagrad") at learning rate lr, over all parameters. */
    public Model compile(String optimizer, double lr, String loss, String... metrics) {
        return compile(NamedOptimizers.create(optimizer, lr, module.parameters()), loss, metrics);
    }

    private static Metric[] namedMetrics(String loss, String[] names) {
        // A single-logit binary model (trained with bce_with_logits) predicts class 1 above 0, not above 0.5.
        double threshold = loss.equals("bce_with_logits") ? 0.0 : 0.5;
        return Arrays.stream(names).map(n -> Metrics.named(n, threshold)).toArray(Metric[]::new);
    }

    // ------------------------------------------------------------------ fit

    public History fit(Tensor x, Tensor y, FitOptions options) {
        return fit(new Tensor[] {x}, y, options);
    }

    /** Trains on inputs xs (one per model input, sharing dimension 0) and target y. */
    public History fit(Tensor[] xs, Tensor y, FitOptions options) {
        requireCompiled("fit");
        Tensor[] columns = columns("fit", xs, y);
        Batches validation = validation(options);
        if (options.validationSplit() > 0) {
            int n = columns[0].size(0), trainCount = (int) (n * (1 - options.validationSplit()));
            if (trainCount == 0 || trainCount == n)
                throw new IllegalArgumentException("fit: validationSplit " + options.validationSplit() + " of " + n + " samples leaves an empty part");
            Tensor[] held = new Tensor[columns.length];
            for (int c = 0; c < columns.length; c++) {
                held[c] = columns[c].narrow(0, trainCount, n - trainCount);
                columns[c] = columns[c].narrow(0, 0, trainCount);
            }
            validation = Batches.of(held, options.batchSize(), false, null);
        }
        Generator shuffle = options.seed().isPresent() ? new Generator(options.seed().getAsLong()) : Nabla.defaultGenerator();
        return new Trainer(this, options).run(Batches.of(columns, options.batchSize(), options.shuffle(), shuffle), validation);
    }

    /** Trains on a loader's batches, each {@code Tensor[]{inputs..., target}}; the loader does its own batching and shuffling. */
    public History fit(DataLoader<Tensor[]> train, FitOptions options) {
        requireCompiled("fit");
        if (options.validationSplit() > 0)
            throw new IllegalArgumentException("fit: validationSplit needs tensors; with a DataLoader split the dataset "
                    + "(Datasets.randomSplit) and pass FitOptions.withValidationData(validationLoader)");
        return new Trainer(this, options).run(Batches.of(train), validation(options));
    }

    private static Batches validation(FitOptions options) {
        if (options.validationLoader() != null) return Batches.of(options.validationLoader());
        if (options.validationData() == null) return null;
        Tensor[] data = options.validationData();
        return Batches.of(columns("fit (validation data)", Arrays.copyOf(data, data.length - 1), data[data.length - 1]),
                options.batchSize(), false, null);
    }

    /** Asks a running fit to stop after the current batch (what EarlyStopping calls). */
    public void stopTraining() {
        stopRequested = true;
    }

    // ------------------------------------------------------------------ evaluate, predict

    /** The mean loss and each metric over x and y, in batches of 32: {"loss": ..., "accuracy": ...}. */
    public Map<String, Double> evaluate(Tensor x, Tensor y) {
        return evaluate(new Tensor[] {x}, y, 32);
    }

    public Map<String, Double> evaluate(Tensor[] xs, Tensor y, int batchSize) {
        requireCompiled("evaluate");
        if (batchSize < 1) throw new IllegalArgumentException("evaluate: batchSize must be >= 1, got " + batchSize);
        return Trainer.evaluate(this, Batches.of(columns("evaluate", xs, y), batchSize, false, null), "");
    }

    public Map<String, Double> evaluate(DataLoader<Tensor[]> data) {
        requireCompiled("evaluate");
        return Trainer.evaluate(this, Batches.of(data), "");
    }

    /** The model's outputs for x, computed in batches of 32 in eval mode without autograd. */
    public Tensor predict(Tensor x) {
        return predict(new Tensor[] {x}, 32);
    }

    public Tensor predict(Tensor x, int batchSize) {
        return predict(new Tensor[] {x}, batchSize);
    }

    public Tensor predict(Tensor[] xs, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("predict: batchSize must be >= 1, got " + batchSize);
        Tensor[] columns = columns("predict", xs, null);
        int n = columns[0].size(0);
        List<Tensor> outputs = new ArrayList<>();
        boolean wasTraining = module.isTraining();
        module.eval();
        try (var g = Nabla.noGrad()) {
            for (int start = 0; start < n; start += batchSize) {
                Tensor[] batch = new Tensor[columns.length];
                for (int c = 0; c < columns.length; c++) batch[c] = columns[c].narrow(0, start, Math.min(batchSize, n - start));
                outputs.add(forward.apply(batch));
            }
        } finally {
            module.train(wasTraining);
        }
        if (outputs.isEmpty()) throw new IllegalArgumentException("predict: the input has no samples");
        return outputs.size() == 1 ? outputs.getFirst() : Nabla.cat(outputs.toArray(Tensor[]::new), 0);
    }

    // ------------------------------------------------------------------ summary

    /**
     * A table of the layers with their parameter counts; output shapes appear once the input shape is
     * known, from {@link #summary(int...)} or from the first batch of a fit ("?" before).
     */
    public String summary() {
        return Summary.of(this, sampleShapes);
    }

    /** The summary, with output shapes from a forward pass on zeros shaped [1, sampleShape...]. */
    public String summary(int... sampleShape) {
        return Summary.of(this, new int[][] {sampleShape});
    }

    /** The summary of a model with several inputs, one sample shape (without the batch dimension) each. */
    public String summary(int[][] sampleShapes) {
        return Summary.of(this, sampleShapes);
    }

    // ------------------------------------------------------------------ accessors

    public Module module() {
        return module;
    }

    /** The optimizer given to (or built by) compile. */
    public Optimizer<?> optimizer() {
        requireCompiled("optimizer");
        return optimizer;
    }

    Forward forward() {
        return forward;
    }

    LossFunction loss() {
        return loss;
    }

    List<Metric> metrics() {
        return metrics;
    }

    void clearStopRequest() {
        stopRequested = false;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /** Remembers the per-sample input shapes of the first batch, for {@link #summary()}. */
    void recordSampleShapes(Tensor[] inputs) {
        if (sampleShapes != null) return;
        int[][] shapes = new int[inputs.length][];
        for (int i = 0; i < inputs.length; i++) shapes[i] = Arrays.copyOfRange(inputs[i].shape(), 1, inputs[i].dim());
        sampleShapes = shapes;
    }

    private void requireCompiled(String what) {
        if (optimizer == null)
            throw new IllegalStateException(what + ": the model is not compiled; call compile(optimizer, loss, metrics...) first");
    }

    /** Inputs then target (when given), checked to share dimension 0. */
    private static Tensor[] columns(String op, Tensor[] xs, Tensor y) {
        if (xs.length == 0) throw new IllegalArgumentException(op + ": needs at least one input tensor");
        Tensor[] columns = Arrays.copyOf(xs, xs.length + (y == null ? 0 : 1));
        if (y != null) columns[xs.length] = y;
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].dim() == 0) throw new IllegalArgumentException(op + ": tensor " + c + " is 0-dim; samples run along dimension 0");
            if (columns[c].size(0) != columns[0].size(0))
                throw new IllegalArgumentException(op + ": " + (c == xs.length ? "the target" : "input " + c) + " has "
                        + columns[c].size(0) + " samples, input 0 has " + columns[0].size(0));
        }
        return columns;
    }
}
