package dev.nabla.cli;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.examples.DataSplit;
import dev.nabla.examples.Digits;
import dev.nabla.examples.ExampleOptions;
import dev.nabla.examples.Training;
import dev.nabla.io.SafeTensors;
import dev.nabla.nn.Conv2d;
import dev.nabla.nn.Dropout;
import dev.nabla.nn.Flatten;
import dev.nabla.nn.Linear;
import dev.nabla.nn.MaxPool2d;
import dev.nabla.nn.ReLU;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.keras.Model;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tour behind {@code nabla demo}: a small conv net trained on the bundled 8x8 digits with the
 * Keras-style fit, saved as safetensors, reloaded into a fresh network, and shown predicting a few
 * test digits drawn in ASCII.
 */
final class Demo {
    static final String FILE = "digits-cnn.safetensors";
    static final int SHOWN = 6;
    /** Ink levels from blank to full, for pixels in [0, 1]. */
    private static final String INK = " .:-=+*#%@";

    record Result(double testAccuracy, double reloadedAccuracy, Path file, long millis) {}

    private Demo() {}

    /** 8x8 -> 32x4x4 -> 64x2x2 -> 128 -> 10 logits (half the width lands 1-2 points lower on some seeds). */
    static Sequential network() {
        var same = Conv2d.Options.defaults().withPadding(1);
        return new Sequential(
                new Conv2d(1, 32, 3, same), new ReLU(), new MaxPool2d(2),
                new Conv2d(32, 64, 3, same), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(64 * 2 * 2, 128), new ReLU(), new Dropout(0.25), new Linear(128, 10));
    }

    static Result run(PrintStream out, boolean interactive, int epochs, long seed, Path outDir) throws IOException {
        long t0 = System.nanoTime();
        DataSplit data = Digits.split(seed);
        out.printf("A conv net on %s (seeded split), %d epochs%n", data.description(), epochs);
        Nabla.manualSeed(seed);
        Sequential net = network();
        var model = new Model(net).compile("adam", 3e-3, "cross_entropy", "accuracy");
        var options = new ExampleOptions(outDir, null, epochs, 0, seed, out, interactive);
        Training.fit(model, data.xTrain(), data.yTrain(), epochs, 32, options);
        double accuracy = model.evaluate(data.xTest(), data.yTest()).get("accuracy");
        out.printf("test accuracy %.4f (%d images)%n", accuracy, data.xTest().size(0));

        Files.createDirectories(outDir);
        Path file = outDir.resolve(FILE);
        SafeTensors.save(net, file);
        out.printf("saved the model to %s (%d bytes)%n", file.toAbsolutePath(), Files.size(file));

        // A fresh network with other random weights: only the file can make it agree with the trained one.
        Sequential reloaded = network();
        SafeTensors.loadInto(reloaded, file, true);
        var reloadedModel = new Model(reloaded).compile("adam", 3e-3, "cross_entropy", "accuracy");
        double reloadedAccuracy = reloadedModel.evaluate(data.xTest(), data.yTest()).get("accuracy");
        out.printf("reloaded it into a new network: test accuracy %.4f%n%n", reloadedAccuracy);

        Tensor shown = data.xTest().narrow(0, 0, SHOWN);
        long[] predicted = reloadedModel.predict(shown).argmax(1, false).toLongArray();
        long[] truth = data.yTest().narrow(0, 0, SHOWN).toLongArray();
        out.print(drawing(shown, predicted, truth));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        out.printf("%ntotal time %.1f s%n", millis / 1000.0);
        return new Result(accuracy, reloadedAccuracy, file, millis);
    }

    /** The images [n, 1, 8, 8] side by side, two characters per pixel so they look square, each labelled below. */
    static String drawing(Tensor images, long[] predicted, long[] truth) {
        int n = images.size(0), side = Digits.SIDE;
        float[] px = images.contiguous().toFloatArray();
        StringBuilder sb = new StringBuilder();
        for (int row = 0; row < side; row++) {
            for (int i = 0; i < n; i++) {
                sb.append("  ");
                for (int col = 0; col < side; col++) {
                    float v = Math.clamp(px[(i * side + row) * side + col], 0f, 1f);
                    char c = INK.charAt(Math.round(v * (INK.length() - 1)));
                    sb.append(c).append(c);
                }
            }
            sb.append('\n');
        }
        for (int i = 0; i < n; i++) sb.append(String.format("  %-16s", "pred " + predicted[i] + " true " + truth[i]));
        return sb.append('\n').toString();
    }
}
