package dev.nabla.ml.datasets;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.ml.Check;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * sklearn's make_classification (Guyon's Madelon design): each class is nClustersPerClass Gaussian
 * clusters placed on distinct vertices of a hypercube with side 2·classSep in the informative
 * subspace, each cluster given a random covariance; redundant features are random linear mixes of the
 * informative ones, repeated features copies, the rest noise; a flipY share of labels is randomised.
 */
public final class MakeClassification {
    public record Options(int nSamples, int nFeatures, int nInformative, int nRedundant, int nRepeated, int nClasses,
                          int nClustersPerClass, double flipY, double classSep, boolean hypercube, double shift, double scale,
                          boolean shuffle, long seed) {
        public Options {
            Check.positive("makeClassification", "nSamples", nSamples);
            Check.positive("makeClassification", "nInformative", nInformative);
            Check.positive("makeClassification", "nClasses", nClasses);
            Check.positive("makeClassification", "nClustersPerClass", nClustersPerClass);
            Check.inRange("makeClassification", "flipY", flipY, 0, 1);
            if (nRedundant < 0 || nRepeated < 0 || nInformative + nRedundant + nRepeated > nFeatures)
                throw new IllegalArgumentException("makeClassification: nInformative + nRedundant + nRepeated (" + (nInformative + nRedundant + nRepeated)
                        + ") must be <= nFeatures (" + nFeatures + ")");
            if (nInformative < 31 && (long) nClasses * nClustersPerClass > 1L << nInformative)
                throw new IllegalArgumentException("makeClassification: nClasses * nClustersPerClass (" + (nClasses * nClustersPerClass)
                        + ") must be <= 2^nInformative (" + (1L << nInformative) + ")");
        }

        public Options() {
            this(100, 20, 2, 2, 0, 2, 2, 0.01, 1.0, true, 0, 1, true, 0);
        }

        public Options nSamples(int v) { return new Options(v, nFeatures, nInformative, nRedundant, nRepeated, nClasses, nClustersPerClass, flipY, classSep, hypercube, shift, scale, shuffle, seed); }
        public Options nFeatures(int v) { return new Options(nSamples, v, nInformative, nRedundant, nRepeated, nClasses, nClustersPerClass, flipY, classSep, hypercube, shift, scale, shuffle, seed); }
        public Options nInformative(int v) { return new Options(nSamples, nFeatures, v, nRedundant, nRepeated, nClasses, nClustersPerClass, flipY, classSep, hypercube, shift, scale, shuffle, seed); }
        public Options nRedundant(int v) { return new Options(nSamples, nFeatures, nInformative, v, nRepeated, nClasses, nClustersPerClass, flipY, classSep, hypercube, shift, scale, shuffle, seed); }
        public Options nRepeated(int v) { return new Options(nSamples, nFeatures, nInformative, nRedundant, v, nClasses, nClustersPerClass, flipY, classSep, hypercube, shift, scale, shuffle, seed); }
        public Options nClasses(int v) { return new Options(nSamples, nFeatures, nInformative, nRedundant, nRepeated, v, nClustersPerClass, flipY, classSep, hypercube, shift, scale, shuffle, seed); }
        public Options nClustersPerClass(int v) { return new Options(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses, v, flipY, classSep, hypercube, shift, scale, shuffle, seed); }
        public Options flipY(double v) { return new Options(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses, nClustersPerClass, v, classSep, hypercube, shift, scale, shuffle, seed); }
        public Options classSep(double v) { return new Options(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses, nClustersPerClass, flipY, v, hypercube, shift, scale, shuffle, seed); }
        public Options shuffle(boolean v) { return new Options(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses, nClustersPerClass, flipY, classSep, hypercube, shift, scale, v, seed); }
        public Options seed(long v) { return new Options(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses, nClustersPerClass, flipY, classSep, hypercube, shift, scale, shuffle, v); }
    }

    private MakeClassification() {}

    public static Samples generate(Options o) {
        Generator g = new Generator(o.seed());
        int n = o.nSamples(), d = o.nFeatures(), inf = o.nInformative(), red = o.nRedundant(), rep = o.nRepeated();
        int useless = d - inf - red - rep, clusters = o.nClasses() * o.nClustersPerClass();
        double[][] centroids = hypercubeVertices(g, clusters, inf);
        for (double[] c : centroids) for (int j = 0; j < inf; j++) c[j] = c[j] * 2 * o.classSep() - o.classSep();
        if (!o.hypercube()) {
            double[] perCluster = Draws.uniform(g, clusters, 0, 1), perDim = Draws.uniform(g, inf, 0, 1);
            for (int k = 0; k < clusters; k++) for (int j = 0; j < inf; j++) centroids[k][j] *= perCluster[k] * perDim[j];
        }
        double[] x = new double[n * d];
        long[] y = new long[n];
        double[] informative = Draws.normal(g, n * inf);
        for (int k = 0, start = 0; k < clusters; k++) {
            int count = n / clusters + (k < n % clusters ? 1 : 0);
            double[] a = Draws.uniform(g, inf * inf, -1, 1); // the cluster's covariance factor
            for (int i = start; i < start + count; i++) {
                y[i] = k % o.nClasses();
                for (int j = 0; j < inf; j++) {
                    double s = centroids[k][j];
                    for (int p = 0; p < inf; p++) s += informative[i * inf + p] * a[p * inf + j];
                    x[i * d + j] = s;
                }
            }
            start += count;
        }
        if (red > 0) {
            double[] b = Draws.uniform(g, inf * red, -1, 1);
            for (int i = 0; i < n; i++)
                for (int r = 0; r < red; r++) {
                    double s = 0;
                    for (int p = 0; p < inf; p++) s += x[i * d + p] * b[p * red + r];
                    x[i * d + inf + r] = s;
                }
        }
        for (int r = 0; r < rep; r++) {
            int source = (int) ((inf + red - 1) * g.nextDouble() + 0.5);
            for (int i = 0; i < n; i++) x[i * d + inf + red + r] = x[i * d + source];
        }
        for (int i = 0; i < n; i++) for (int j = d - useless; j < d; j++) x[i * d + j] = g.nextGaussian();
        for (int i = 0; i < n; i++) if (g.nextDouble() < o.flipY()) y[i] = g.nextInt(o.nClasses());
        for (int i = 0; i < x.length; i++) x[i] = (x[i] + o.shift()) * o.scale();
        if (o.shuffle()) {
            int[] rows = Draws.permutation(g, n), cols = Draws.permutation(g, d);
            x = Draws.permute(x, n, d, rows, cols);
            long[] ys = new long[n];
            for (int i = 0; i < n; i++) ys[i] = y[rows[i]];
            y = ys;
        }
        return new Samples(Nabla.tensor(x, n, d), Nabla.tensor(y, n));
    }

    /** count distinct random vertices of the {0,1}^dims cube. */
    private static double[][] hypercubeVertices(Generator g, int count, int dims) {
        Set<String> seen = new HashSet<>();
        double[][] out = new double[count][];
        for (int k = 0; k < count; ) {
            double[] v = new double[dims];
            for (int j = 0; j < dims; j++) v[j] = g.nextBoolean() ? 1 : 0;
            if (seen.add(Arrays.toString(v))) out[k++] = v;
        }
        return out;
    }
}
