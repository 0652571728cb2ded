package dev.nabla.ml.bench;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.cluster.KMeans;
import dev.nabla.ml.datasets.MakeBlobs;
import dev.nabla.ml.decomposition.PCA;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Timings for the report, not a test: KMeans (k=8, one k-means++ run) on 200,000 x 10 blobs and
 * PCA (10 components) on 100,000 x 100. Writes both data sets as little-endian float64 to the given
 * folder so scripts/bench/unsupervised_sklearn.py times scikit-learn on the very same numbers.
 *
 * <p>Run: NABLA_NUM_THREADS=2 java -cp ... dev.nabla.ml.bench.UnsupervisedBench /tmp/nabla-unsup-bench
 */
public final class UnsupervisedBench {
    private static final int REPEATS = 5;

    private UnsupervisedBench() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/nabla-unsup-bench");
        Files.createDirectories(dir);
        System.out.println("threads " + Parallel.threads());
        Tensor blobs = MakeBlobs.generate(new MakeBlobs.Options().nSamples(200_000).nFeatures(10).centers(8).seed(0)).x();
        Tensor wide = lowRankPlusNoise(100_000, 100, 20, 1);
        write(dir.resolve("blobs.f64"), blobs);
        write(dir.resolve("wide.f64"), wide);
        for (KMeans.Algorithm a : KMeans.Algorithm.values()) {
            KMeans.Options o = new KMeans.Options().nClusters(8).nInit(1).algorithm(a);
            double[] inertia = new double[1];
            double t = median(() -> inertia[0] = new KMeans(o).fit(blobs).inertia());
            System.out.printf("KMeans %-5s 200000x10 k=8 n_init=1: %.1f ms, inertia %.6e%n", a, t, inertia[0]);
        }
        for (PCA.Solver s : new PCA.Solver[] {PCA.Solver.AUTO, PCA.Solver.RANDOMIZED, PCA.Solver.FULL}) {
            double[] ratio = new double[1];
            double t = median(() -> ratio[0] = new PCA(new PCA.Options().nComponents(10).solver(s)).fit(wide).explainedVarianceRatio().sum().item());
            System.out.printf("PCA %-10s 100000x100 n=10: %.1f ms, explained variance ratio sum %.12f%n", s, t, ratio[0]);
        }
    }

    /** n x d data whose variance lies mostly in a rank-r subspace with decaying scales, plus small noise. */
    private static Tensor lowRankPlusNoise(int n, int d, int r, long seed) {
        Generator g = new Generator(seed);
        double[] basis = new double[r * d], x = new double[n * d];
        for (int i = 0; i < basis.length; i++) basis[i] = g.nextGaussian();
        double[] z = new double[r];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < r; c++) z[c] = g.nextGaussian() * 10.0 / (1 + c);
            for (int j = 0; j < d; j++) {
                double v = 0.1 * g.nextGaussian();
                for (int c = 0; c < r; c++) v += z[c] * basis[c * d + j];
                x[i * d + j] = v;
            }
        }
        return Nabla.tensor(x, n, d);
    }

    private static void write(Path file, Tensor t) throws IOException {
        double[] v = t.toDoubleArray();
        ByteBuffer buf = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        buf.asDoubleBuffer().put(v);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.write(buf.array());
        }
    }

    /** Median wall time in ms of REPEATS runs after two warm-up runs. */
    private static double median(Runnable r) {
        for (int i = 0; i < 2; i++) r.run();
        double[] ms = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[REPEATS / 2];
    }
}
