package dev.nabla.ml.bench;

import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.data.Npy;
import dev.nabla.ml.Classifier;
import dev.nabla.ml.ensemble.HistGradientBoostingClassifier;
import dev.nabla.ml.ensemble.HistOptions;
import dev.nabla.ml.ensemble.RandomForestClassifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Times RandomForestClassifier(100) and HistGradientBoostingClassifier(100 iterations) on the .npy
 * files scripts/bench/ml_trees_sklearn.py writes, like that script: fit on the first 80% of rows
 * (median of 3, after one warm-up fit), accuracy on the rest, 2 threads. Not a test: run with
 * {@code java -cp <test-classes:classes:deps> dev.nabla.ml.bench.TreeBench /tmp/nabla-tree-bench [threads]}.
 */
public final class TreeBench {
    private TreeBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/nabla-tree-bench");
        Parallel.setThreads(args.length > 1 ? Integer.parseInt(args[1]) : 2);
        bench("RandomForestClassifier(100)", dir, "rf", () -> new RandomForestClassifier(new RandomForestClassifier.Options().nEstimators(100)));
        bench("HistGradientBoostingClassifier(100)", dir, "hgb", () -> new HistGradientBoostingClassifier(
                new HistGradientBoostingClassifier.Options().maxIter(100).earlyStopping(HistOptions.EarlyStopping.OFF)));
    }

    private static void bench(String label, Path dir, String name, Supplier<Classifier> make) throws Exception {
        Tensor x = Npy.read(dir.resolve(name + "_X.npy")), y = Npy.read(dir.resolve(name + "_y.npy"));
        int n = x.size(0), cut = (int) (0.8 * n);
        Tensor xTrain = x.slice(0, 0, cut).contiguous(), yTrain = y.slice(0, 0, cut).contiguous();
        Tensor xTest = x.slice(0, cut, n).contiguous(), yTest = y.slice(0, cut, n).contiguous();
        make.get().fit(xTrain, yTrain);
        double[] times = new double[3];
        double accuracy = 0;
        for (int r = 0; r < times.length; r++) {
            long t = System.nanoTime();
            Classifier model = make.get().fit(xTrain, yTrain);
            times[r] = (System.nanoTime() - t) / 1e9;
            accuracy = model.score(xTest, yTest);
        }
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf("%s nabla fit %.2fs (median of 3: %.2f %.2f %.2f) accuracy %.4f, %d threads, input %.1f MB%n",
                label, sorted[1], times[0], times[1], times[2], accuracy, Parallel.threads(), xTrain.numel() * 8 / 1e6);
    }
}
