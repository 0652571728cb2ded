package dev.nabla.ml.linear;

import dev.nabla.cpu.Simd;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dot products and axpys over stretches of row-major arrays (Vector API lanes when {@link Simd#AVAILABLE}),
 * and the scalar four-row kernels of LogisticLoss's strips.
 */
final class RowDot {
    private RowDot() {}

    /** Σ a[ao + j] · b[bo + j] over j < len. */
    static double dot(double[] a, int ao, double[] b, int bo, int len) {
        return Simd.AVAILABLE ? Lanes.dot(a, ao, b, bo, len) : scalarDot(a, ao, b, bo, len);
    }

    /** Lanes of the Vector API path (1 without it). */
    static int lanes() {
        return Simd.AVAILABLE ? Lanes.S.length() : 1;
    }

    /**
     * Whether vector reads of four rows from offset o, each whole vectors of w.length values (w zero-padded
     * to a multiple of {@link #lanes()}, running past the end of a row into the next one), stay inside x.
     */
    static boolean wholeVectors4(double[] x, int d, int o, double[] w) {
        return o + 3L * d + w.length <= x.length;
    }

    /** t[k] = b0 + Σ_j x[o + k·d + j] · w[j] for k < 4: four consecutive rows of the row-major array x (d columns, the first at offset o) times w. */
    static void scalarRowDots4(double[] x, int d, int o, double[] w, double b0, double[] t) {
        // two accumulators per row (even and odd columns): eight independent chains
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        int o1 = o + d, o2 = o1 + d, o3 = o2 + d, j = 0;
        for (; j + 1 < d; j += 2) {
            double w0 = w[j], w1 = w[j + 1];
            a0 += x[o + j] * w0;
            c0 += x[o + j + 1] * w1;
            a1 += x[o1 + j] * w0;
            c1 += x[o1 + j + 1] * w1;
            a2 += x[o2 + j] * w0;
            c2 += x[o2 + j + 1] * w1;
            a3 += x[o3 + j] * w0;
            c3 += x[o3 + j + 1] * w1;
        }
        if (j < d) {
            double wj = w[j];
            a0 += x[o + j] * wj;
            a1 += x[o1 + j] * wj;
            a2 += x[o2 + j] * wj;
            a3 += x[o3 + j] * wj;
        }
        t[0] = b0 + (a0 + c0);
        t[1] = b0 + (a1 + c1);
        t[2] = b0 + (a2 + c2);
        t[3] = b0 + (a3 + c3);
    }

    /** g[j] += Σ_k e[k] · x[o + k·d + j] for j < d, k < 4: four consecutive rows, weighted by e, added into g. */
    static void scalarAddTransposedTimes4(double[] x, int d, int o, double[] e, double[] g) {
        double e0 = e[0], e1 = e[1], e2 = e[2], e3 = e[3];
        int o1 = o + d, o2 = o1 + d, o3 = o2 + d;
        for (int j = 0; j < d; j++) g[j] += e0 * x[o + j] + e1 * x[o1 + j] + e2 * x[o2 + j] + e3 * x[o3 + j];
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
        static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

        static double dot(double[] a, int ao, double[] b, int bo, int len) {
            int lanes = S.length(), j = 0;
            var acc0 = DoubleVector.zero(S);
            var acc1 = DoubleVector.zero(S);
            for (; j + 2 * lanes <= len; j += 2 * lanes) {
                acc0 = DoubleVector.fromArray(S, a, ao + j)
                        .fma(DoubleVector.fromArray(S, b, bo + j), acc0);
                acc1 = DoubleVector.fromArray(S, a, ao + j + lanes)
                        .fma(DoubleVector.fromArray(S, b, bo + j + lanes), acc1);
            }
            for (; j + lanes <= len; j += lanes)
                acc0 = DoubleVector.fromArray(S, a, ao + j)
                        .fma(DoubleVector.fromArray(S, b, bo + j), acc0);
            double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
            for (; j < len; j++) s += a[ao + j] * b[bo + j];
            return s;
        }
    }
}
