package dev.nabla.examples;

import dev.nabla.Tensor;
import dev.nabla.nn.optim.CosineAnnealingLR;
import dev.nabla.nn.keras.FitOptions;
import dev.nabla.nn.keras.LearningRateScheduler;
import dev.nabla.nn.keras.History;
import dev.nabla.nn.keras.Model;
import dev.nabla.nn.keras.ProgressBar;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** The steps the examples share: a seeded fit with the progress bar on the example's stream, the test report and the JSON line. */
public final class Training {
    private Training() {}

    /**
     * Trains on (x, y) with the learning rate annealed to 0 along a cosine over the epochs, so the last
     * epochs settle into a minimum instead of bouncing around it (the test accuracy then varies less
     * from seed to seed). Progress goes to options.out(); Model's own verbose modes print to System.out.
     */
    public static History fit(Model model, Tensor x, Tensor y, int epochs, int batchSize, ExampleOptions options) {
        var anneal = LearningRateScheduler.of(opt -> new CosineAnnealingLR(opt, epochs), LearningRateScheduler.Every.EPOCH);
        return model.fit(x, y, FitOptions.defaults().withEpochs(epochs).withBatchSize(batchSize).withSeed(options.seed())
                .withVerbose(0).withCallbacks(anneal, new ProgressBar(options.out(), options.interactive())));
    }

    /** Fits a compiled classifier (metric "accuracy"), evaluates it on the test set and reports test accuracy and loss. */
    static Map<String, Object> classify(String title, Model model, DataSplit data, int epochs, int batchSize, ExampleOptions options) {
        long t0 = System.nanoTime();
        options.out().printf("%s on %s, %d epochs%n", title, data.description(), epochs);
        fit(model, data.xTrain(), data.yTrain(), epochs, batchSize, options);
        Map<String, Double> test = model.evaluate(data.xTest(), data.yTest());
        options.out().printf("test loss %.4f, test accuracy %.4f%n", test.get("loss"), test.get("accuracy"));
        return report(options, metrics("test_accuracy", test.get("accuracy"), "test_loss", test.get("loss"), "epochs", epochs,
                "seconds", (System.nanoTime() - t0) / 1e9));
    }

    /** Metrics in insertion order, doubles rounded to 4 decimals so the JSON line stays readable. */
    static Map<String, Object> metrics(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            m.put((String) keysAndValues[i], v instanceof Double d && Double.isFinite(d) ? Math.round(d * 1e4) / 1e4 : v);
        }
        return m;
    }

    /** Prints the metrics as the example's last line, one JSON object, and returns them. */
    static Map<String, Object> report(ExampleOptions options, Map<String, Object> metrics) {
        options.out().println(json(metrics));
        options.out().flush();
        return metrics;
    }

    /** Numbers, booleans, strings and nested maps (the tabular example's best parameters). */
    static String json(Map<?, ?> metrics) {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        metrics.forEach((k, v) -> j.add(quote(String.valueOf(k)) + ": " + switch (v) {
            case Number n -> number(n);
            case Boolean b -> b.toString();
            case Map<?, ?> m -> json(m);
            default -> quote(String.valueOf(v));
        }));
        return j.toString();
    }

    /** Plain decimal text; JSON has no NaN or infinity, so a diverged run reports null rather than an unparsable line. */
    private static String number(Number n) {
        if (!(n instanceof Double || n instanceof Float)) return n.toString();
        double d = n.doubleValue();
        return Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : "null";
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
