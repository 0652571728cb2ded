package dev.nabla.ml.linear;

import dev.nabla.cpu.Simd;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Dot products and axpys over stretches of row-major arrays; Vector API lanes when {@link Simd#AVAILABLE}. */
final class RowDot {
    private RowDot() {}

    /** Σ a[ao + j] · b[bo + j] over j < len. */
    static double dot(double[] a, int ao, double[] b, int bo, int len) {
        return Simd.AVAILABLE ? Lanes.dot(a, ao, b, bo, len) : scalarDot(a, ao, b, bo, len);
    }

    /** Lanes of the Vector API path (1 without it): {@link #rowDots} wants w zero-padded to a multiple of this. */
    static int lanes() {
        return Simd.AVAILABLE ? Lanes.S.length() : 1;
    }

    /**
     * t[k] = b0 + Σ_j x[(s + k)·d + j] · w[j] for k < m: rows s..s+m of the row-major n x d array x times w.
     * w must hold d weights and then zeros up to a multiple of {@link #lanes()}: the vector path reads
     * whole vectors, past the end of a row into the next one, whose values meet those zeros.
     */
    static void rowDots(double[] x, int d, int s, int m, double[] w, double b0, double[] t) {
        if (Simd.AVAILABLE) Lanes.rowDots(x, d, s, m, w, b0, t);
        else for (int k = 0; k < m; k++) t[k] = b0 + scalarDot(x, (s + k) * d, w, 0, d);
    }

    /** g[j] += Σ_k e[k] · x[(s + k)·d + j] for j < d, k < m: the transposed product of rows s..s+m with e. */
    static void addTransposedTimes(double[] x, int d, int s, int m, double[] e, double[] g) {
        if (Simd.AVAILABLE) Lanes.addTransposedTimes(x, d, s, m, e, g);
        else for (int k = 0; k < m; k++) axpy(e[k], x, (s + k) * d, g, 0, d);
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

        /** How many of the m rows from s can be read as whole vectors of width `width` from column c without running off x. */
        private static int wholeVectorRows(double[] x, int d, int s, int m, int c, int width) {
            long last = (long) x.length - c - width; // a row r is safe when r·d <= last
            return last < 0 ? 0 : (int) Math.max(0, Math.min(m, last / d - s + 1));
        }

        static void rowDots(double[] x, int d, int s, int m, double[] w, double b0, double[] t) {
            int lanes = S.length(), width = (d + lanes - 1) / lanes * lanes, safe = wholeVectorRows(x, d, s, m, 0, width), k = 0;
            // four rows at a time share each load of w and give four independent FMA chains
            for (; k + 4 <= safe; k += 4) {
                int o0 = (s + k) * d, o1 = o0 + d, o2 = o1 + d, o3 = o2 + d;
                var a0 = DoubleVector.zero(S);
                var a1 = DoubleVector.zero(S);
                var a2 = DoubleVector.zero(S);
                var a3 = DoubleVector.zero(S);
                for (int c = 0; c < width; c += lanes) {
                    var wc = DoubleVector.fromArray(S, w, c);
                    a0 = DoubleVector.fromArray(S, x, o0 + c).fma(wc, a0);
                    a1 = DoubleVector.fromArray(S, x, o1 + c).fma(wc, a1);
                    a2 = DoubleVector.fromArray(S, x, o2 + c).fma(wc, a2);
                    a3 = DoubleVector.fromArray(S, x, o3 + c).fma(wc, a3);
                }
                t[k] = b0 + a0.reduceLanes(VectorOperators.ADD);
                t[k + 1] = b0 + a1.reduceLanes(VectorOperators.ADD);
                t[k + 2] = b0 + a2.reduceLanes(VectorOperators.ADD);
                t[k + 3] = b0 + a3.reduceLanes(VectorOperators.ADD);
            }
            for (; k < m; k++) t[k] = b0 + dot(x, (s + k) * d, w, 0, d);
        }

        /** Column strips of up to four vectors, each summed over the m rows in registers; the last partial vector's columns one by one. */
        static void addTransposedTimes(double[] x, int d, int s, int m, double[] e, double[] g) {
            int lanes = S.length(), c = 0, base = s * d;
            for (; c + 4 * lanes <= d; c += 4 * lanes) {
                var a0 = DoubleVector.zero(S);
                var a1 = DoubleVector.zero(S);
                var a2 = DoubleVector.zero(S);
                var a3 = DoubleVector.zero(S);
                for (int k = 0, off = base + c; k < m; k++, off += d) {
                    var ek = DoubleVector.broadcast(S, e[k]);
                    a0 = DoubleVector.fromArray(S, x, off).fma(ek, a0);
                    a1 = DoubleVector.fromArray(S, x, off + lanes).fma(ek, a1);
                    a2 = DoubleVector.fromArray(S, x, off + 2 * lanes).fma(ek, a2);
                    a3 = DoubleVector.fromArray(S, x, off + 3 * lanes).fma(ek, a3);
                }
                a0.add(DoubleVector.fromArray(S, g, c)).intoArray(g, c);
                a1.add(DoubleVector.fromArray(S, g, c + lanes)).intoArray(g, c + lanes);
                a2.add(DoubleVector.fromArray(S, g, c + 2 * lanes)).intoArray(g, c + 2 * lanes);
                a3.add(DoubleVector.fromArray(S, g, c + 3 * lanes)).intoArray(g, c + 3 * lanes);
            }
            for (; c + lanes <= d; c += lanes) {
                // two accumulators over alternate rows break the FMA latency chain
                var a0 = DoubleVector.zero(S);
                var a1 = DoubleVector.zero(S);
                int k = 0, off = base + c;
                for (; k + 2 <= m; k += 2, off += 2 * d) {
                    a0 = DoubleVector.fromArray(S, x, off).fma(DoubleVector.broadcast(S, e[k]), a0);
                    a1 = DoubleVector.fromArray(S, x, off + d).fma(DoubleVector.broadcast(S, e[k + 1]), a1);
                }
                if (k < m) a0 = DoubleVector.fromArray(S, x, off).fma(DoubleVector.broadcast(S, e[k]), a0);
                a0.add(a1).add(DoubleVector.fromArray(S, g, c)).intoArray(g, c);
            }
            for (int k = 0, off = base + c; k < m; k++, off += d)
                for (int j = 0; c + j < d; j++) g[c + j] += e[k] * x[off + j];
        }
    }
}
