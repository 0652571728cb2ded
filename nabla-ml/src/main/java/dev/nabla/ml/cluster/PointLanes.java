package dev.nabla.ml.cluster;

import dev.nabla.cpu.Simd;

/**
 * Squared Euclidean distances from rows of X to a few points (k-means centers, k-means++ candidates), all
 * points at once: the points lie across vector lanes, so a row costs one broadcast, subtract, multiply and
 * add per feature and group of lanes, and four rows go together so their dependency chains overlap. Every
 * distance is Σ_j (x_j − p_j)², multiplied and added in feature order exactly as
 * {@link dev.nabla.ml.metrics.Pairwise#squaredDistance} does, so the results are the same bits whatever the
 * vector width, and without SIMD.
 */
final class PointLanes {
    /** Points per lane group: the double lanes of the preferred vector, 1 on the scalar path. */
    private static final int WIDTH = Simd.AVAILABLE ? Lanes.width() : 1;

    private final int m, d, groups;
    /** Coordinate j of point g·WIDTH + lane at ((g·d + j)·WIDTH + lane); lanes past m repeat the last point. */
    private final double[] t;
    private final double[] points;

    /** The m points of dimension d, row-major (m·d values). */
    PointLanes(double[] points, int m, int d) {
        this.m = m;
        this.d = d;
        this.points = points;
        groups = (m + WIDTH - 1) / WIDTH;
        t = new double[groups * d * WIDTH];
        for (int g = 0; g < groups; g++)
            for (int lane = 0; lane < WIDTH; lane++) {
                int p = Math.min(m - 1, g * WIDTH + lane);
                for (int j = 0; j < d; j++) t[(g * d + j) * WIDTH + lane] = points[p * d + j];
            }
    }

    /** What an assignment pass over a run of rows found: label changes, distance sum, optional per-point sums. */
    static final class Tally {
        final double[] sums, counts;
        int changed;
        /** Σ of each row's squared distance to its nearest point, added in row order. */
        double distance;

        /** With sums, rows are also added to their point's sums (m·d) and counts (m). */
        Tally(int m, int d, boolean sums) {
            this.sums = sums ? new double[m * d] : null;
            this.counts = sums ? new double[m] : null;
        }

        void add(double[] xs, int d, int i, int best, double dist, int[] labels) {
            if (labels[i] != best) changed++;
            labels[i] = best;
            distance += dist;
            if (sums != null) {
                counts[best]++;
                addRow(xs, i * d, sums, best * d, d);
            }
        }
    }

    /** sums[so + j] += xs[xo + j] for j < d. */
    private static void addRow(double[] xs, int xo, double[] sums, int so, int d) {
        int j = WIDTH > 1 ? Lanes.addRow(xs, xo, sums, so, d) : 0;
        for (; j < d; j++) sums[so + j] += xs[xo + j];
    }

    /** Sets labels[i] to the nearest point of each row in [r0, r1) (the lowest index on ties), tallied in row order. */
    void nearest(double[] xs, int r0, int r1, int[] labels, Tally tally) {
        if (WIDTH > 1) {
            Lanes.nearest(this, xs, r0, r1, labels, tally);
            return;
        }
        for (int i = r0; i < r1; i++) {
            int xo = i * d, best = 0;
            double bestDist = Double.POSITIVE_INFINITY;
            for (int c = 0; c < m; c++) {
                double dist = 0;
                for (int j = 0, po = c * d; j < d; j++) {
                    double diff = xs[xo + j] - points[po + j];
                    dist += diff * diff;
                }
                if (dist < bestDist) {
                    bestDist = dist;
                    best = c;
                }
            }
            tally.add(xs, d, i, best, bestDist, labels);
        }
    }

    /**
     * A k-means++ scoring pass over rows [r0, r1): point 0 is folded into closest (closest[i] becomes
     * min(closest[i], ‖x_i − p_0‖²)), then sums[p] = Σ_i min(closest[i], ‖x_i − p‖²) for every point p, added
     * in row order; sums[0] is the sum of the new closest.
     */
    void fold(double[] xs, int r0, int r1, double[] closest, double[] sums) {
        if (WIDTH > 1) {
            Lanes.fold(this, xs, r0, r1, closest, sums);
            return;
        }
        for (int c = 0; c < m; c++) {
            double s = 0;
            for (int i = r0; i < r1; i++) {
                double dist = 0;
                for (int j = 0, xo = i * d, po = c * d; j < d; j++) {
                    double diff = xs[xo + j] - points[po + j];
                    dist += diff * diff;
                }
                double v = Math.min(closest[i], dist);
                if (c == 0) closest[i] = v;
                s += v;
            }
            sums[c] = s;
        }
    }

    /** The Vector API loops; loaded only when {@link Simd#AVAILABLE}. */
    private static final class Lanes {
        private static final jdk.incubator.vector.VectorSpecies<Double> S = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED;
        private static final jdk.incubator.vector.VectorOperators.Associative MIN = jdk.incubator.vector.VectorOperators.MIN;
        private static final jdk.incubator.vector.VectorOperators.Comparison EQ = jdk.incubator.vector.VectorOperators.EQ;

        static int width() {
            return S.length();
        }

        /** Adds whole vectors of row xo to sums at so; returns how many values it added. */
        static int addRow(double[] xs, int xo, double[] sums, int so, int d) {
            int w = S.length(), j = 0;
            for (; j + w <= d; j += w)
                jdk.incubator.vector.DoubleVector.fromArray(S, xs, xo + j).add(jdk.incubator.vector.DoubleVector.fromArray(S, sums, so + j))
                        .intoArray(sums, so + j);
            return j;
        }

        /** The squared distances of row xo (an offset into xs) to the points of one lane group. */
        private static jdk.incubator.vector.DoubleVector distances(double[] xs, int xo, double[] t, int to, int d) {
            int w = S.length();
            var acc = jdk.incubator.vector.DoubleVector.zero(S);
            for (int j = 0; j < d; j++, to += w) {
                var diff = jdk.incubator.vector.DoubleVector.broadcast(S, xs[xo + j]).sub(jdk.incubator.vector.DoubleVector.fromArray(S, t, to));
                acc = acc.add(diff.mul(diff));
            }
            return acc;
        }

        static void nearest(PointLanes p, double[] xs, int r0, int r1, int[] labels, Tally tally) {
            int d = p.d, w = S.length(), groups = p.groups;
            double[] t = p.t;
            int i = r0;
            for (; i + 4 <= r1; i += 4) {
                int x0 = i * d, x1 = x0 + d, x2 = x1 + d, x3 = x2 + d;
                int b0 = 0, b1 = 0, b2 = 0, b3 = 0;
                double m0 = Double.POSITIVE_INFINITY, m1 = m0, m2 = m0, m3 = m0;
                for (int g = 0; g < groups; g++) {
                    var a0 = jdk.incubator.vector.DoubleVector.zero(S);
                    var a1 = a0;
                    var a2 = a0;
                    var a3 = a0;
                    for (int j = 0, to = g * d * w; j < d; j++, to += w) {
                        var tv = jdk.incubator.vector.DoubleVector.fromArray(S, t, to);
                        var e0 = jdk.incubator.vector.DoubleVector.broadcast(S, xs[x0 + j]).sub(tv);
                        var e1 = jdk.incubator.vector.DoubleVector.broadcast(S, xs[x1 + j]).sub(tv);
                        var e2 = jdk.incubator.vector.DoubleVector.broadcast(S, xs[x2 + j]).sub(tv);
                        var e3 = jdk.incubator.vector.DoubleVector.broadcast(S, xs[x3 + j]).sub(tv);
                        a0 = a0.add(e0.mul(e0));
                        a1 = a1.add(e1.mul(e1));
                        a2 = a2.add(e2.mul(e2));
                        a3 = a3.add(e3.mul(e3));
                    }
                    double n0 = a0.reduceLanes(MIN), n1 = a1.reduceLanes(MIN), n2 = a2.reduceLanes(MIN), n3 = a3.reduceLanes(MIN);
                    int base = g * w;
                    if (n0 < m0) {
                        m0 = n0;
                        b0 = base + a0.compare(EQ, n0).firstTrue();
                    }
                    if (n1 < m1) {
                        m1 = n1;
                        b1 = base + a1.compare(EQ, n1).firstTrue();
                    }
                    if (n2 < m2) {
                        m2 = n2;
                        b2 = base + a2.compare(EQ, n2).firstTrue();
                    }
                    if (n3 < m3) {
                        m3 = n3;
                        b3 = base + a3.compare(EQ, n3).firstTrue();
                    }
                }
                tally.add(xs, d, i, b0, m0, labels);
                tally.add(xs, d, i + 1, b1, m1, labels);
                tally.add(xs, d, i + 2, b2, m2, labels);
                tally.add(xs, d, i + 3, b3, m3, labels);
            }
            for (; i < r1; i++) {
                int best = 0;
                double bestDist = Double.POSITIVE_INFINITY;
                for (int g = 0; g < groups; g++) {
                    var a = distances(xs, i * d, t, g * d * w, d);
                    double n = a.reduceLanes(MIN);
                    if (n < bestDist) {
                        bestDist = n;
                        best = g * w + a.compare(EQ, n).firstTrue();
                    }
                }
                tally.add(xs, d, i, best, bestDist, labels);
            }
        }

        static void fold(PointLanes p, double[] xs, int r0, int r1, double[] closest, double[] sums) {
            int d = p.d, w = S.length();
            double[] t = p.t, lane = new double[w];
            for (int g = 0; g < p.groups; g++) {
                var total = jdk.incubator.vector.DoubleVector.zero(S);
                int i = r0;
                for (; i + 4 <= r1; i += 4) {
                    int x0 = i * d, x1 = x0 + d, x2 = x1 + d, x3 = x2 + d;
                    var a0 = jdk.incubator.vector.DoubleVector.zero(S);
                    var a1 = a0;
                    var a2 = a0;
                    var a3 = a0;
                    for (int j = 0, to = g * d * w; j < d; j++, to += w) {
                        var tv = jdk.incubator.vector.DoubleVector.fromArray(S, t, to);
                        var e0 = jdk.incubator.vector.DoubleVector.broadcast(S, xs[x0 + j]).sub(tv);
                        var e1 = jdk.incubator.vector.DoubleVector.broadcast(S, xs[x1 + j]).sub(tv);
                        var e2 = jdk.incubator.vector.DoubleVector.broadcast(S, xs[x2 + j]).sub(tv);
                        var e3 = jdk.incubator.vector.DoubleVector.broadcast(S, xs[x3 + j]).sub(tv);
                        a0 = a0.add(e0.mul(e0));
                        a1 = a1.add(e1.mul(e1));
                        a2 = a2.add(e2.mul(e2));
                        a3 = a3.add(e3.mul(e3));
                    }
                    total = total.add(a0.min(near(closest, i, a0, g)));
                    total = total.add(a1.min(near(closest, i + 1, a1, g)));
                    total = total.add(a2.min(near(closest, i + 2, a2, g)));
                    total = total.add(a3.min(near(closest, i + 3, a3, g)));
                }
                for (; i < r1; i++) {
                    var a = distances(xs, i * d, t, g * d * w, d);
                    total = total.add(a.min(near(closest, i, a, g)));
                }
                total.intoArray(lane, 0);
                System.arraycopy(lane, 0, sums, g * w, Math.min(w, p.m - g * w));
            }
        }

        /** Row i's closest distance, with point 0 (lane 0 of group 0) folded in on the first group's pass. */
        private static double near(double[] closest, int i, jdk.incubator.vector.DoubleVector a, int g) {
            return g == 0 ? (closest[i] = Math.min(closest[i], a.lane(0))) : closest[i];
        }
    }
}
