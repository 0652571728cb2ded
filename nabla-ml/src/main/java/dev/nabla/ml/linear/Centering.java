package dev.nabla.ml.linear;

import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Matrix;

/** Column means removed from a copy; the means are what the intercept is recovered from. */
final class Centering {
    private Centering() {}

    /** X − mean row by row, as a new matrix (X is only read). */
    static Matrix centred(Matrix x, double[] mean) {
        double[] a = x.data(), out = new double[a.length];
        int d = x.cols();
        Parallel.forRange(x.rows(), Math.max(1, (1 << 14) / d), (s, e) -> {
            for (int i = s; i < e; i++)
                for (int j = 0, off = i * d; j < d; j++) out[off + j] = a[off + j] - mean[j];
        });
        return new Matrix(out, x.rows(), d);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
