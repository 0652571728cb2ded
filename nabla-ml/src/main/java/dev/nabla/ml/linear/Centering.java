package dev.nabla.ml.linear;

import dev.nabla.ml.Matrix;

/** Column means removed in place; the means are what the intercept is recovered from. */
final class Centering {
    private Centering() {}

    static void center(Matrix x, double[] y, double[] xMeanOut) {
        double[] a = x.data();
        int d = x.cols();
        for (int i = 0; i < a.length; i++) xMeanOut[i % d] += a[i];
        for (int j = 0; j < d; j++) xMeanOut[j] /= x.rows();
        for (int i = 0; i < a.length; i++) a[i] -= xMeanOut[i % d];
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
