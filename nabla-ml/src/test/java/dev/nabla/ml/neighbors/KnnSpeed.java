package dev.nabla.ml.neighbors;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.metrics.Metrics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: times KNeighborsClassifier(k=5).predict on the rows scripts/bench/knn_speed.py wrote (10,000
 * queries against 50,000 x 20), with 2 threads unless told otherwise. Args: [dir] [threads].
 */
public final class KnnSpeed {
    private KnnSpeed() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/knn_speed");
        Parallel.setThreads(args.length > 1 ? Integer.parseInt(args[1]) : 2);
        Tensor xtr = read(dir.resolve("xtr.bin"), 20), ytr = read(dir.resolve("ytr.bin"), 1).view(-1);
        Tensor xte = read(dir.resolve("xte.bin"), 20), yte = read(dir.resolve("yte.bin"), 1).view(-1);
        KNeighborsClassifier model = new KNeighborsClassifier().fit(xtr, ytr);
        double best = Double.POSITIVE_INFINITY;
        Tensor pred = null;
        StringBuilder runs = new StringBuilder();
        for (int r = 0; r < 4; r++) {
            long t = System.nanoTime();
            pred = model.predict(xte);
            double s = (System.nanoTime() - t) / 1e9;
            runs.append(String.format(" %.3f", s));
            if (r > 0) best = Math.min(best, s); // the first run includes JIT warm-up
        }
        System.out.printf("nabla: algorithm=%s threads=%d predict best %.3f s (runs%s), accuracy %.4f%n",
                model.fittedAlgorithm(), Parallel.threads(), best, runs, Metrics.accuracy(yte, pred));
    }

    private static Tensor read(Path file, int cols) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(v);
        return Nabla.tensor(v, v.length / cols, cols);
    }
}
