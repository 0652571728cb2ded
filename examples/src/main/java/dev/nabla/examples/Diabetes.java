package dev.nabla.examples;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.data.BundledDatasets;
import dev.nabla.nn.Linear;
import dev.nabla.nn.ReLU;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.keras.Model;
import java.util.Map;

/**
 * diabetes: regression of disease progression on the bundled diabetes data (442 patients, 10 variables)
 * with a small perceptron; reports test R2 and MSE in the target's own units.
 */
public final class Diabetes {
    static final int EPOCHS = 60;

    private Diabetes() {}

    public static Map<String, Object> run(ExampleOptions options) {
        long t0 = System.nanoTime();
        var all = BundledDatasets.diabetes();
        DataSplit data = DataSplit.random(all.x().toFloat(), all.y().toFloat().view(-1, 1), 0.2, options.seed(), "bundled diabetes");
        int epochs = options.epochsOr(EPOCHS);
        options.out().printf("Perceptron 10-16-1 on %s, %d epochs%n", data.description(), epochs);

        // Standardise inputs and target with training statistics only; the raw variables differ in scale by 100x.
        Tensor xMean = data.xTrain().mean(0, true), xStd = data.xTrain().std(0, false, true);
        double yMean = data.yTrain().mean().item(), yStd = data.yTrain().std().item();
        Nabla.manualSeed(options.seed());
        var model = new Model(new Sequential(new Linear(10, 16), new ReLU(), new Linear(16, 1))).compile("adam", 1e-2, "mse");
        Training.fit(model, data.xTrain().sub(xMean).div(xStd), data.yTrain().sub(yMean).div(yStd), epochs, 32, options);

        Tensor predicted = model.predict(data.xTest().sub(xMean).div(xStd)).mul(yStd).add(yMean), truth = data.yTest();
        double mse = predicted.sub(truth).square().mean().item();
        double r2 = 1 - mse / truth.sub(truth.mean()).square().mean().item();
        options.out().printf("test MSE %.1f, test R2 %.4f%n", mse, r2);
        return Training.report(options, Training.metrics("test_r2", r2, "test_mse", mse, "epochs", epochs,
                "seconds", (System.nanoTime() - t0) / 1e9));
    }
}
