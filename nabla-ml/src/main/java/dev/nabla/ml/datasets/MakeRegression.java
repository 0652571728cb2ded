package dev.nabla.ml.datasets;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.ml.Check;

/**
 * A random linear regression problem (sklearn's make_regression): standard-normal X, the first
 * nInformative coefficients uniform in [0, 100), y = X·coef + bias + noise·N(0, 1); rows and columns
 * shuffled. {@link #coef} gives the ground truth in the shuffled column order.
 */
public final class MakeRegression {
    public record Options(int nSamples, int nFeatures, int nInformative, double bias, double noise, boolean shuffle, long seed) {
        public Options {
            Check.positive("makeRegression", "nSamples", nSamples);
            Check.positive("makeRegression", "nFeatures", nFeatures);
            if (nInformative < 0) throw new IllegalArgumentException("makeRegression: nInformative must be >= 0, got " + nInformative);
            Check.nonNegative("makeRegression", "noise", noise);
        }

        public Options() {
            this(100, 100, 10, 0, 0, true, 0);
        }

        public Options nSamples(int v) { return new Options(v, nFeatures, nInformative, bias, noise, shuffle, seed); }
        public Options nFeatures(int v) { return new Options(nSamples, v, nInformative, bias, noise, shuffle, seed); }
        public Options nInformative(int v) { return new Options(nSamples, nFeatures, v, bias, noise, shuffle, seed); }
        public Options bias(double v) { return new Options(nSamples, nFeatures, nInformative, v, noise, shuffle, seed); }
        public Options noise(double v) { return new Options(nSamples, nFeatures, nInformative, bias, v, shuffle, seed); }
        public Options shuffle(boolean v) { return new Options(nSamples, nFeatures, nInformative, bias, noise, v, seed); }
        public Options seed(long v) { return new Options(nSamples, nFeatures, nInformative, bias, noise, shuffle, v); }
    }

    /** The samples and the true coefficients. */
    public record Result(Samples samples, double[] coef) {}

    private MakeRegression() {}

    public static Samples generate(Options o) {
        return generateWithCoef(o).samples();
    }

    public static Result generateWithCoef(Options o) {
        Generator g = new Generator(o.seed());
        int n = o.nSamples(), d = o.nFeatures(), informative = Math.min(o.nInformative(), d);
        double[] x = Draws.normal(g, n * d);
        double[] coef = new double[d];
        double[] truth = Draws.uniform(g, informative, 0, 100);
        System.arraycopy(truth, 0, coef, 0, informative);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = o.bias();
            for (int j = 0; j < informative; j++) s += x[i * d + j] * coef[j];
            y[i] = s;
        }
        if (o.noise() > 0) for (int i = 0; i < n; i++) y[i] += o.noise() * g.nextGaussian();
        if (o.shuffle()) {
            int[] rows = Draws.permutation(g, n), cols = Draws.permutation(g, d);
            x = Draws.permute(x, n, d, rows, cols);
            double[] ys = new double[n], cs = new double[d];
            for (int i = 0; i < n; i++) ys[i] = y[rows[i]];
            for (int j = 0; j < d; j++) cs[j] = coef[cols[j]];
            y = ys;
            coef = cs;
        }
        return new Result(new Samples(Nabla.tensor(x, n, d), Nabla.tensor(y, n)), coef);
    }
}
