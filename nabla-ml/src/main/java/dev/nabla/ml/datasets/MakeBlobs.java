package dev.nabla.ml.datasets;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.ml.Check;

/**
 * Isotropic Gaussian clusters (sklearn's make_blobs): centres uniform in a box, n / centers samples
 * each (the first n % centers one more), then shuffled. Labels are int64 cluster indices.
 */
public final class MakeBlobs {
    public record Options(int nSamples, int nFeatures, int centers, double clusterStd, double boxMin, double boxMax, boolean shuffle, long seed) {
        public Options {
            Check.positive("makeBlobs", "nSamples", nSamples);
            Check.positive("makeBlobs", "nFeatures", nFeatures);
            Check.positive("makeBlobs", "centers", centers);
            Check.nonNegative("makeBlobs", "clusterStd", clusterStd);
            if (!(boxMin < boxMax)) throw new IllegalArgumentException("makeBlobs: center box needs min < max, got (" + boxMin + ", " + boxMax + ")");
        }

        public Options() {
            this(100, 2, 3, 1.0, -10, 10, true, 0);
        }

        public Options nSamples(int v) { return new Options(v, nFeatures, centers, clusterStd, boxMin, boxMax, shuffle, seed); }
        public Options nFeatures(int v) { return new Options(nSamples, v, centers, clusterStd, boxMin, boxMax, shuffle, seed); }
        public Options centers(int v) { return new Options(nSamples, nFeatures, v, clusterStd, boxMin, boxMax, shuffle, seed); }
        public Options clusterStd(double v) { return new Options(nSamples, nFeatures, centers, v, boxMin, boxMax, shuffle, seed); }
        public Options centerBox(double lo, double hi) { return new Options(nSamples, nFeatures, centers, clusterStd, lo, hi, shuffle, seed); }
        public Options shuffle(boolean v) { return new Options(nSamples, nFeatures, centers, clusterStd, boxMin, boxMax, v, seed); }
        public Options seed(long v) { return new Options(nSamples, nFeatures, centers, clusterStd, boxMin, boxMax, shuffle, v); }
    }

    private MakeBlobs() {}

    public static Samples generate(Options o) {
        Generator g = new Generator(o.seed());
        int n = o.nSamples(), d = o.nFeatures(), k = o.centers();
        double[] centers = Draws.uniform(g, k * d, o.boxMin(), o.boxMax());
        double[] x = new double[n * d];
        long[] y = new long[n];
        for (int c = 0, row = 0; c < k; c++) {
            int count = n / k + (c < n % k ? 1 : 0);
            for (int r = 0; r < count; r++, row++) {
                y[row] = c;
                for (int j = 0; j < d; j++) x[row * d + j] = centers[c * d + j] + o.clusterStd() * g.nextGaussian();
            }
        }
        if (o.shuffle()) {
            int[] order = Draws.permutation(g, n);
            x = Draws.permute(x, n, d, order, null);
            long[] shuffled = new long[n];
            for (int i = 0; i < n; i++) shuffled[i] = y[order[i]];
            y = shuffled;
        }
        return new Samples(Nabla.tensor(x, n, d), Nabla.tensor(y, n));
    }
}
