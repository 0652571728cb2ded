package dev.nabla.ml.cluster;

import dev.nabla.cpu.Simd;

/**
 * Squared Euclidean distances from rows of X to a few points (k-means centers, k-means++ candidates), all
 * points at once: the points lie across vector lanes, so a row costs one broadcast, subtract, multiply and
 * add per feature and group of lanes. Every distance is Σ_j (x_j − p_j)², multiplied and added in feature
 * order exactly as {@link dev.nabla.ml.metrics.Pairwise#squaredDistance} does, so the results are the same
 * bits whatever the vector width, and without SIMD.
 *
 * <p>The passes call their vector loops a block of {@link #BLOCK} rows at a time, so the loops count as hot
 * methods and reach the optimising JIT within a first small fit: Vector API code that runs before then is
 * slower than scalar code by orders of magnitude, which the next fit would pay.
 */
final class PointLanes {
    /** Points per lane group: the double lanes of the preferred vector, 1 on the scalar path. */
    private static final int WIDTH = Simd.AVAILABLE ? Lanes.width() : 1;
    /** Rows per call of a lane loop. */
    private static final int BLOCK = 16;

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
        for (int b0 = r0; b0 < r1; b0 += BLOCK) {
            int b1 = Math.min(r1, b0 + BLOCK);
            if (WIDTH > 1) Lanes.nearest(this, xs, b0, b1, labels, tally);
            else scalarNearest(xs, b0, b1, labels, tally);
        }
    }

    private void scalarNearest(double[] xs, int r0, int r1, int[] labels, Tally tally) {
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
        double[] part = new double[groups * WIDTH];
        for (int b0 = r0; b0 < r1; b0 += BLOCK) {
            int b1 = Math.min(r1, b0 + BLOCK);
            if (WIDTH > 1) Lanes.fold(this, xs, b0, b1, closest, part);
            else scalarFold(xs, b0, b1, closest, part);
        }
        System.arraycopy(part, 0, sums, 0, m);
    }

    /** As {@link #fold}, adding to sums (per point, in row order) rather than setting them. */
    private void scalarFold(double[] xs, int r0, int r1, double[] closest, double[] sums) {
        for (int i = r0; i < r1; i++) {
            double near = closest[i];
            for (int c = 0; c < m; c++) {
                double dist = 0;
                for (int j = 0, xo = i * d, po = c * d; j < d; j++) {
                    double diff = xs[xo + j] - points[po + j];
                    dist += diff * diff;
                }
                double v = Math.min(near, dist);
                if (c == 0) closest[i] = near = v;
                sums[c] += v;
            }
        }
    }

    /** The Vector API loops; loaded only when {@link Simd#AVAILABLE}. */
    private static final class Lanes {
        private static final jdk.incubator.vector.VectorSpecies<Double> S = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED;

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

        static void nearest(PointLanes p, double[] xs, int r0, int r1, int[] labels, Tally tally) {
            int d = p.d, w = S.length(), groups = p.groups;
            double[] t = p.t;
            for (int i = r0; i < r1; i++) {
                int best = 0;
                double bestDist = Double.POSITIVE_INFINITY;
                for (int g = 0; g < groups; g++) {
                    var acc = jdk.incubator.vector.DoubleVector.zero(S);
                    for (int j = 0, xo = i * d, to = g * d * w; j < d; j++, to += w) {
                        var diff = jdk.incubator.vector.DoubleVector.broadcast(S, xs[xo + j]).sub(jdk.incubator.vector.DoubleVector.fromArray(S, t, to));
                        acc = acc.add(diff.mul(diff));
                    }
                    double min = acc.reduceLanes(jdk.incubator.vector.VectorOperators.MIN);
                    if (min < bestDist) {
                        bestDist = min;
                        best = g * w + acc.compare(jdk.incubator.vector.VectorOperators.EQ, min).firstTrue();
                    }
                }
                tally.add(xs, d, i, best, bestDist, labels);
            }
        }

        /** As {@link PointLanes#fold} over one block, adding each lane's values to sums in row order. */
        static void fold(PointLanes p, double[] xs, int r0, int r1, double[] closest, double[] sums) {
            int d = p.d, w = S.length();
            double[] t = p.t;
            for (int g = 0; g < p.groups; g++) {
                var total = jdk.incubator.vector.DoubleVector.fromArray(S, sums, g * w);
                for (int i = r0; i < r1; i++) {
                    var acc = jdk.incubator.vector.DoubleVector.zero(S);
                    for (int j = 0, xo = i * d, to = g * d * w; j < d; j++, to += w) {
                        var diff = jdk.incubator.vector.DoubleVector.broadcast(S, xs[xo + j]).sub(jdk.incubator.vector.DoubleVector.fromArray(S, t, to));
                        acc = acc.add(diff.mul(diff));
                    }
                    double near = g == 0 ? (closest[i] = Math.min(closest[i], acc.lane(0))) : closest[i];
                    total = total.add(acc.min(near));
                }
                total.intoArray(sums, g * w);
            }
        }
    }
}
