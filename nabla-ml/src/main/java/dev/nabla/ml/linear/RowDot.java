package dev.nabla.ml.linear;

import dev.nabla.cpu.Simd;

/** Dot products and axpys over stretches of row-major arrays; Vector API lanes when {@link Simd#AVAILABLE}. */
final class RowDot {
    private RowDot() {}

    /** Σ a[ao + j] · b[bo + j] over j < len. */
    static double dot(double[] a, int ao, double[] b, int bo, int len) {
        return Simd.AVAILABLE ? Lanes.dot(a, ao, b, bo, len) : scalarDot(a, ao, b, bo, len);
    }

    /** y[yo + j] += alpha · x[xo + j] over j < len. */
    static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int len) {
        for (int j = 0; j < len; j++) y[yo + j] += alpha * x[xo + j];
    }

    static double scalarDot(double[] a, int ao, double[] b, int bo, int len) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        for (; j + 3 < len; j += 4) {
            s0 += a[ao + j] * b[bo + j];
            s1 += a[ao + j + 1] * b[bo + j + 1];
            s2 += a[ao + j + 2] * b[bo + j + 2];
            s3 += a[ao + j + 3] * b[bo + j + 3];
        }
        for (; j < len; j++) s0 += a[ao + j] * b[bo + j];
        return (s0 + s1) + (s2 + s3);
    }

    /** Touches the Vector API; loaded only when {@link Simd#AVAILABLE}. */
    private static final class Lanes {
        private static final jdk.incubator.vector.VectorSpecies<Double> S = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED;

        static double dot(double[] a, int ao, double[] b, int bo, int len) {
            int lanes = S.length(), j = 0;
            var acc0 = jdk.incubator.vector.DoubleVector.zero(S);
            var acc1 = jdk.incubator.vector.DoubleVector.zero(S);
            for (; j + 2 * lanes <= len; j += 2 * lanes) {
                acc0 = jdk.incubator.vector.DoubleVector.fromArray(S, a, ao + j)
                        .fma(jdk.incubator.vector.DoubleVector.fromArray(S, b, bo + j), acc0);
                acc1 = jdk.incubator.vector.DoubleVector.fromArray(S, a, ao + j + lanes)
                        .fma(jdk.incubator.vector.DoubleVector.fromArray(S, b, bo + j + lanes), acc1);
            }
            for (; j + lanes <= len; j += lanes)
                acc0 = jdk.incubator.vector.DoubleVector.fromArray(S, a, ao + j)
                        .fma(jdk.incubator.vector.DoubleVector.fromArray(S, b, bo + j), acc0);
            double s = acc0.add(acc1).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
            for (; j < len; j++) s += a[ao + j] * b[bo + j];
            return s;
        }
    }
}
