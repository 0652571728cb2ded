package dev.nabla.ml.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.datasets.MakeClassification;
import dev.nabla.ml.datasets.Samples;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The parts of histogram gradient boosting the sklearn parity tests do not reach: fits large enough
 * for the multi-threaded partition give the same model on one and two threads, the branch-free bin
 * search agrees with a plain count, the (256-bit or scalar) histogram pass adds in sample order, and
 * the team runs every item once and passes on a failure.
 */
class HistGradientBoostingTest {
    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Parallel.maxThreads());
    }

    @Test
    void sameModelOnOneAndTwoThreads() {
        Tensor[] binary = data(2), multi = data(3);
        var binaryOptions = new HistGradientBoostingClassifier.Options().maxIter(12).earlyStopping(HistOptions.EarlyStopping.OFF);
        var earlyOptions = new HistGradientBoostingClassifier.Options().maxIter(12).earlyStopping(HistOptions.EarlyStopping.ON).nIterNoChange(3);
        var regressorOptions = new HistGradientBoostingRegressor.Options().maxIter(12).maxLeafNodes(63).earlyStopping(HistOptions.EarlyStopping.OFF);
        double[][] one = new double[4][], two = new double[4][];
        for (int threads = 1; threads <= 2; threads++) {
            Parallel.setThreads(threads);
            double[][] out = threads == 1 ? one : two;
            out[0] = new HistGradientBoostingClassifier(binaryOptions).fit(binary[0], binary[1]).decisionFunction(binary[0]).toDoubleArray();
            out[1] = new HistGradientBoostingClassifier(binaryOptions).fit(multi[0], multi[1]).decisionFunction(multi[0]).toDoubleArray();
            out[2] = new HistGradientBoostingClassifier(earlyOptions).fit(binary[0], binary[1]).decisionFunction(binary[0]).toDoubleArray();
            out[3] = new HistGradientBoostingRegressor(regressorOptions).fit(multi[0], multi[1]).predict(multi[0]).toDoubleArray();
        }
        for (int k = 0; k < one.length; k++) assertArrayEquals(one[k], two[k], "model " + k);
    }

    /** 30,000 x 8 classification rows (above the size partitioned in parallel) with NaN in two features. */
    private static Tensor[] data(int classes) {
        Samples s = MakeClassification.generate(new MakeClassification.Options().nSamples(30_000).nFeatures(8).nInformative(5).nRedundant(1)
                .nClasses(classes).seed(7));
        double[] x = s.x().toDoubleArray();
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < 30_000; i++) {
            if (rng.nextDouble() < 0.1) x[i * 8 + 2] = Double.NaN;
            if (rng.nextDouble() < 0.02) x[i * 8 + 5] = Double.NaN;
        }
        return new Tensor[] {Nabla.tensor(x, 30_000, 8), s.y()};
    }

    @Test
    void branchFreeBinSearchCountsThresholdsBelow() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            double[] t = new double[rng.nextInt(255)];
            for (int i = 0; i < t.length; i++) t[i] = rng.nextInt(4) == 0 && i > 0 ? t[i - 1] : rng.nextGaussian();
            Arrays.sort(t);
            double[] padded = BinMapper.padded(t);
            double[] probes = new double[t.length + 8];
            for (int i = 0; i < t.length; i++) probes[i] = t[i];
            double[] edges = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -0.0, 0.0, Double.MAX_VALUE, -Double.MAX_VALUE,
                    rng.nextGaussian(), rng.nextGaussian() * 10};
            System.arraycopy(edges, 0, probes, t.length, edges.length);
            for (double v : probes) {
                int below = 0;
                for (double x : t) if (x < v) below++;
                assertEquals(below, BinMapper.countBelow(padded, v), () -> "value " + v);
            }
        }
    }

    @Test
    void histogramPassSumsEachBinInSampleOrder() {
        SplittableRandom rng = new SplittableRandom(9);
        int n = 3000, d = 7;
        byte[] bins = new byte[n * d];
        for (int i = 0; i < bins.length; i++) bins[i] = (byte) (rng.nextInt(8) == 0 ? BinMapper.MISSING_BIN : rng.nextInt(40));
        float[] grad = new float[2 * n], hess = new float[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            grad[i] = (float) (rng.nextGaussian() * Math.pow(10, rng.nextInt(-6, 2)));
            hess[i] = (float) rng.nextDouble();
        }
        int[] rows = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) if (rng.nextInt(3) > 0) rows[count++] = i;
        for (boolean constantHessian : new boolean[] {false, true}) {
            float[] h = constantHessian ? null : hess;
            double[] got = new double[d * Histograms.FEATURE], expected = new double[d * Histograms.FEATURE], sums = new double[2];
            Histograms.accumulate(bins, d, rows, 0, count, grad, h, n, got, 2, 6, sums);
            double sg = 0, sh = 0;
            for (int p = 0; p < count; p++) {
                int i = rows[p];
                double gp = grad[n + i], hp = h == null ? 0 : h[n + i];
                for (int f = 2; f < 6; f++) {
                    int b = Histograms.index(f, bins[i * d + f] & 0xff);
                    expected[b] += gp;
                    expected[b + 1] += hp;
                    expected[b + 2] += 1;
                }
                sg += gp;
                sh += hp;
            }
            assertArrayEquals(expected, got);
            assertArrayEquals(new double[] {sg, sh}, sums);
        }
    }

    @Test
    void teamRunsEveryItemOnceAndRethrows() {
        Parallel.setThreads(2);
        AtomicIntegerArray runs = new AtomicIntegerArray(1000);
        Team.run(team -> {
            for (int step = 0; step < 50; step++) team.forEach(1000, runs::incrementAndGet);
            return null;
        });
        for (int i = 0; i < 1000; i++) assertEquals(50, runs.get(i));
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> Team.run(team -> {
            team.forEach(64, i -> {
                if (i == 37) throw boom;
            });
            return null;
        })));
    }
}
