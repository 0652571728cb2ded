package dev.nabla.ml.cluster;

import dev.nabla.cpu.Simd;

/**
 * Squared Euclidean distances from rows of X to a few points (k-means centers, k-means++ candidates), all
 * points at once: the points lie across vector lanes, so a row costs one broadcast, subtract, multiply and
 * add per feature and group of lanes. Every distance is Σ_j (x_j − p_j)², multiplied and added in feature
 * order exactly as {@link dev.nabla.ml.metrics.Pairwise#squaredDistance} does, so the results are the same
 * bits whatever the vector width, and without SIMD.
 *
 * <p>Both passes run one vector loop, {@link Lanes#scan}, {@link #SEGMENT} rows per call, and it always does
 * what either pass needs (each row's nearest point, and the k-means++ fold); each pass hands it scratch
 * arrays for the results it ignores. Vector API code runs orders of magnitude slower until C2 has compiled
 * it, so the loop must be compiled within a first small fit: k-means++ runs it there eight times over before
 * Lloyd's first assignment, which then finds it compiled. (Separate loops cost ~35% less in k-means++, but
 * Lloyd's often reached C2 only after the bench's 20,000-row warm-up fit.) The callers loop over few
 * segments, so C2 does not compile them with the vector loop inlined again.
 */
final class PointLanes {
    /** Points per lane group: the double lanes of the preferred vector, 1 on the scalar path. */
    private static final int WIDTH = Simd.AVAILABLE ? Lanes.width() : 1;
    /** Rows per call of the lane loop; {@link #fold} records its running sums after each. */
    static final int SEGMENT = 256;

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

        /** Rows [r0, r1) with their nearest points and distances at best[i − r0], dist[i − r0]. */
        void addAll(double[] xs, int d, int r0, int r1, int[] best, double[] dist, int[] labels) {
            for (int i = r0; i < r1; i++) add(xs, d, i, best[i - r0], dist[i - r0], labels);
        }

        void add(double[] xs, int d, int i, int best, double dist, int[] labels) {
            int moved = labels[i] ^ best;
            changed += (moved | -moved) >>> 31; // without a branch: a first fit may see labels change only once
            labels[i] = best;
            distance += dist;
            if (sums != null) {
                counts[best]++;
                for (int j = 0, xo = i * d, so = best * d; j < d; j++) sums[so + j] += xs[xo + j];
            }
        }
    }

    /** Sets labels[i] to the nearest point of each row in [r0, r1) (the lowest index on ties), tallied in row order. */
    void nearest(double[] xs, int r0, int r1, int[] labels, Tally tally) {
        if (WIDTH == 1) {
            scalarNearest(xs, r0, r1, labels, tally);
            return;
        }
        double[] cap = new double[SEGMENT], totals = new double[groups * WIDTH], bestDist = new double[SEGMENT];
        int[] best = new int[SEGMENT];
        for (int b0 = r0; b0 < r1; b0 += SEGMENT) {
            int b1 = Math.min(r1, b0 + SEGMENT);
            java.util.Arrays.fill(cap, Double.POSITIVE_INFINITY);
            Lanes.scan(this, xs, b0, b1, cap, b0, totals, best, bestDist);
            tally.addAll(xs, d, b0, b1, best, bestDist, labels);
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
     * min(closest[i], ‖x_i − p_0‖²)), and each point's Σ_i min(closest[i], ‖x_i − p‖²), added in row order,
     * is recorded at the end of every {@link #SEGMENT} rows: prefix[s·m + p] holds point p's sum over the
     * rows up to the end of segment s (point 0's is the sum of the new closest).
     */
    void fold(double[] xs, int r0, int r1, double[] closest, double[] prefix) {
        double[] totals = new double[groups * WIDTH], bestDist = WIDTH == 1 ? null : new double[SEGMENT];
        int[] best = WIDTH == 1 ? null : new int[SEGMENT];
        for (int s0 = r0, seg = 0; s0 < r1; s0 += SEGMENT, seg++) {
            int s1 = Math.min(r1, s0 + SEGMENT);
            if (WIDTH == 1) scalarFold(xs, s0, s1, closest, totals);
            else Lanes.scan(this, xs, s0, s1, closest, 0, totals, best, bestDist);
            System.arraycopy(totals, 0, prefix, seg * m, m);
        }
    }

    /** Segments of {@link #SEGMENT} rows in a run of rows. */
    static int segments(int rows) {
        return (rows + SEGMENT - 1) / SEGMENT;
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

        /**
         * Rows [r0, r1), one block: each row's nearest point to best[i − r0] (the lowest index on ties) with
         * its distance to bestDist[i − r0]; and the k-means++ fold, cap[i − capOff] = min(cap[i − capOff],
         * distance to point 0) and totals[p] += min(distance to p, cap[i − capOff]), in row order.
         */
        static void scan(PointLanes p, double[] xs, int r0, int r1, double[] cap, int capOff, double[] totals, int[] best,
                         double[] bestDist) {
            int d = p.d, w = S.length();
            double[] t = p.t;
            for (int g = 0; g < p.groups; g++) {
                var total = jdk.incubator.vector.DoubleVector.fromArray(S, totals, g * w);
                for (int i = r0; i < r1; i++) {
                    var acc = jdk.incubator.vector.DoubleVector.zero(S);
                    for (int j = 0, xo = i * d, to = g * d * w; j < d; j++, to += w) {
                        var diff = jdk.incubator.vector.DoubleVector.broadcast(S, xs[xo + j]).sub(jdk.incubator.vector.DoubleVector.fromArray(S, t, to));
                        acc = acc.add(diff.mul(diff));
                    }
                    double low = acc.reduceLanes(jdk.incubator.vector.VectorOperators.MIN);
                    if (g == 0 || low < bestDist[i - r0]) { // an earlier group keeps ties
                        bestDist[i - r0] = low;
                        best[i - r0] = g * w + acc.compare(jdk.incubator.vector.VectorOperators.EQ, low).firstTrue();
                    }
                    int ci = i - capOff;
                    double near = g == 0 ? (cap[ci] = Math.min(cap[ci], acc.lane(0))) : cap[ci];
                    total = total.add(acc.min(near));
                }
                total.intoArray(totals, g * w);
            }
        }
    }
}
