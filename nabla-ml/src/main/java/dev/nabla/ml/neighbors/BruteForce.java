package dev.nabla.ml.neighbors;

import dev.nabla.cpu.Gemm;
import dev.nabla.cpu.Parallel;
import dev.nabla.cpu.Simd;
import dev.nabla.ml.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Exhaustive search in any dimension. Rows are ranked by the key |x|² − 2 q·x (|q|² is the same for every
 * row of a query), as sklearn's brute force does; selected rows get exact distances afterwards.
 *
 * <p>k-nearest queries never materialise the query x train product: each thread packs a slab of training
 * rows that stays in L2, and a register-tiled kernel ({@link Tile}) computes the dot products of four
 * queries with a panel of training rows, turns them into keys and compares them with each query's current
 * k-th best key, all in registers; only the rare key that can enter a query's top k leaves them. The dot
 * products are fused multiply-adds in feature order, restarted every {@link #KC} features and then added,
 * as the blocked GEMM computes them, so the keys are the same bits as a GEMM tile's. Queries are split over
 * {@link Parallel}; each query's result depends only on its own keys, not on the thread count.
 */
final class BruteForce implements NeighborSearch {
    /** Queries per radius tile; training rows per radius tile. */
    private static final int QUERY_BLOCK = 128, TRAIN_BLOCK = 2048;
    /** Queries per register tile. */
    static final int MR = 4;
    /** The GEMM kernel's reduction block: dot products restart every KC features and the parts are added. */
    static final int KC = 256;
    /** Bytes of packed training rows per slab: a slab stays in L2 while every query of a thread meets it. */
    private static final int SLAB_BYTES = 192 << 10;

    private final Matrix train;
    private final double[] sqNorms;

    BruteForce(Matrix train) {
        this.train = train;
        this.sqNorms = new double[train.rows()];
        double[] x = train.data();
        int d = train.cols();
        for (int t = 0; t < train.rows(); t++) {
            double s = 0;
            for (int j = t * d; j < (t + 1) * d; j++) s += x[j] * x[j];
            sqNorms[t] = s;
        }
    }

    @Override
    public void kneighbors(Matrix queries, int k, double[] dist, int[] idx) {
        int n = queries.rows();
        Parallel.forRange(n, 64, (s, e) -> {
            TopK[] heaps = new TopK[e - s];
            for (int r = 0; r < heaps.length; r++) heaps[r] = new TopK(k);
            if (Simd.AVAILABLE) Tile.scan(train, sqNorms, queries.data(), s, e, heaps, slabRows(Tile.panelRows()));
            else scalarScan(queries.data(), s, e, heaps);
            for (int q = s; q < e; q++) NeighborSearch.sortInto(queries, q, train, heaps[q - s].indices(), k, dist, idx, q * k);
        });
    }

    /** Training rows per slab: about SLAB_BYTES of packed rows, whole panels. */
    private int slabRows(int panel) {
        int rows = SLAB_BYTES / (8 * train.cols());
        return Math.max(panel, rows / panel * panel);
    }

    /** The same keys and offers as {@link Tile#scan}, one query and one row at a time. */
    private void scalarScan(double[] q, int q0, int q1, TopK[] heaps) {
        double[] x = train.data();
        int d = train.cols();
        for (int i = q0; i < q1; i++) {
            TopK h = heaps[i - q0];
            for (int t = 0; t < train.rows(); t++) {
                double dot = 0;
                for (int p0 = 0; p0 < d; p0 += KC) {
                    double part = 0;
                    for (int p = p0, end = Math.min(d, p0 + KC); p < end; p++) part = Math.fma(q[i * d + p], x[t * d + p], part);
                    dot = p0 == 0 ? part : part + dot;
                }
                double key = Math.fma(dot, -2, sqNorms[t]);
                if (key <= h.bound()) h.offer(key, t);
            }
        }
    }

    /** Receives the products q_r·x_(t0+c) of one query block with one tile at products[r * tn + c]. */
    private interface TileBody {
        void tile(int t0, int tn, double[] products);
    }

    private void forEachTile(Matrix queries, int q0, int qn, double[] products, TileBody body) {
        int d = train.cols();
        for (int t0 = 0; t0 < train.rows(); t0 += TRAIN_BLOCK) {
            int tn = Math.min(TRAIN_BLOCK, train.rows() - t0);
            Gemm.dgemm(false, true, qn, tn, d, 1.0, queries.data(), q0 * d, d, train.data(), t0 * d, d, 0.0, products, 0, tn);
            body.tile(t0, tn, products);
        }
    }

    @Override
    public int[][] withinRadius(Matrix queries, double radius) {
        double[] qNorms = new double[queries.rows()];
        for (int q = 0; q < queries.rows(); q++)
            for (int j = 0; j < queries.cols(); j++) qNorms[q] += queries.get(q, j) * queries.get(q, j);
        int[][] out = new int[queries.rows()][];
        int blocks = (queries.rows() + QUERY_BLOCK - 1) / QUERY_BLOCK;
        // GEMM-rounded squared distances can be off by ~1e-12 relative; a slack keeps borderline rows as
        // candidates, and the exact distance decides
        double r2 = radius * radius;
        Parallel.forRange(blocks, 1, (bs, be) -> {
            double[] products = new double[QUERY_BLOCK * Math.min(TRAIN_BLOCK, train.rows())];
            for (int b = bs; b < be; b++) {
                int q0 = b * QUERY_BLOCK, qn = Math.min(QUERY_BLOCK, queries.rows() - q0);
                List<List<Integer>> found = new ArrayList<>();
                for (int r = 0; r < qn; r++) found.add(new ArrayList<>());
                forEachTile(queries, q0, qn, products, (t0, tn, p) -> {
                    for (int r = 0; r < qn; r++) {
                        double qq = qNorms[q0 + r], slack = 1e-9 * (qq + 1) + 1e-12;
                        for (int c = 0, o = r * tn; c < tn; c++)
                            if (qq + sqNorms[t0 + c] - 2 * p[o + c] <= r2 + slack * (1 + sqNorms[t0 + c]))
                                found.get(r).add(t0 + c);
                    }
                });
                for (int r = 0; r < qn; r++) {
                    int q = q0 + r;
                    out[q] = found.get(r).stream().mapToInt(Integer::intValue)
                            .filter(t -> NeighborSearch.distance(queries, q, train, t) <= radius).toArray();
                }
            }
        });
        return out;
    }

    /** The Vector API kernel; loaded only when {@link Simd#AVAILABLE}. */
    private static final class Tile {
        private static final jdk.incubator.vector.VectorSpecies<Double> S = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED;
        private static final int W = S.length();
        /** Training rows per panel: two vectors. */
        private static final int NR = 2 * W;

        static int panelRows() {
            return NR;
        }

        /**
         * Offers every training row to the heaps of queries [q0, q1) (heaps[i - q0]), slab by slab. A slab's
         * rows are packed as panels of NR rows, feature-major ((panel·d + p)·NR + lane); rows past the end
         * carry a NaN norm, so their keys never pass.
         */
        static void scan(Matrix train, double[] sqNorms, double[] q, int q0, int q1, TopK[] heaps, int slab) {
            int d = train.cols(), n = train.rows();
            double[] x = train.data();
            double[] packed = new double[slab * d], norms = new double[slab], bounds = new double[q1 - q0], keys = new double[NR];
            for (int i = 0; i < bounds.length; i++) bounds[i] = heaps[i].bound();
            for (int s0 = 0; s0 < n; s0 += slab) {
                int rows = Math.min(slab, n - s0), panels = (rows + NR - 1) / NR;
                for (int c = 0; c < panels * NR; c++) {
                    int t = s0 + c, base = c / NR * d * NR + c % NR;
                    boolean real = c < rows;
                    norms[c] = real ? sqNorms[t] : Double.NaN;
                    for (int p = 0; p < d; p++) packed[base + p * NR] = real ? x[t * d + p] : 0;
                }
                for (int i = q0; i < q1; i += MR) {
                    int used = Math.min(MR, q1 - i);
                    // a short last block repeats its last query; the repeats' offers are skipped
                    int o0 = i * d, o1 = Math.min(i + 1, q1 - 1) * d, o2 = Math.min(i + 2, q1 - 1) * d, o3 = Math.min(i + 3, q1 - 1) * d;
                    for (int pan = 0; pan < panels; pan++)
                        panel(q, o0, o1, o2, o3, packed, pan * d * NR, d, norms, pan * NR, s0 + pan * NR, i - q0, used, heaps, bounds, keys);
                }
            }
        }

        /**
         * Four queries (rows at o0..o3 of q) against one packed panel: their dot products with the panel's rows,
         * fused multiply-adds from zero restarted every KC features and the blocks added (the blocked GEMM's
         * order), turned into keys; the keys within a query's bound are offered. One method, so that one C2
         * compilation covers the whole kernel.
         */
        private static void panel(double[] q, int o0, int o1, int o2, int o3, double[] packed, int b, int d, double[] norms, int no,
                                  int t0, int h0, int used, TopK[] heaps, double[] bounds, double[] keys) {
            var c00 = jdk.incubator.vector.DoubleVector.zero(S);
            var c01 = c00;
            var c10 = c00;
            var c11 = c00;
            var c20 = c00;
            var c21 = c00;
            var c30 = c00;
            var c31 = c00;
            for (int p0 = 0; p0 < d; p0 += KC) {
                var s00 = jdk.incubator.vector.DoubleVector.zero(S);
                var s01 = s00;
                var s10 = s00;
                var s11 = s00;
                var s20 = s00;
                var s21 = s00;
                var s30 = s00;
                var s31 = s00;
                for (int p = p0, end = Math.min(d, p0 + KC), bi = b + p0 * NR; p < end; p++, bi += NR) {
                    var x0 = jdk.incubator.vector.DoubleVector.fromArray(S, packed, bi);
                    var x1 = jdk.incubator.vector.DoubleVector.fromArray(S, packed, bi + W);
                    var a = jdk.incubator.vector.DoubleVector.broadcast(S, q[o0 + p]);
                    s00 = a.fma(x0, s00);
                    s01 = a.fma(x1, s01);
                    a = jdk.incubator.vector.DoubleVector.broadcast(S, q[o1 + p]);
                    s10 = a.fma(x0, s10);
                    s11 = a.fma(x1, s11);
                    a = jdk.incubator.vector.DoubleVector.broadcast(S, q[o2 + p]);
                    s20 = a.fma(x0, s20);
                    s21 = a.fma(x1, s21);
                    a = jdk.incubator.vector.DoubleVector.broadcast(S, q[o3 + p]);
                    s30 = a.fma(x0, s30);
                    s31 = a.fma(x1, s31);
                }
                if (p0 == 0) {
                    c00 = s00;
                    c01 = s01;
                    c10 = s10;
                    c11 = s11;
                    c20 = s20;
                    c21 = s21;
                    c30 = s30;
                    c31 = s31;
                } else {
                    c00 = s00.add(c00);
                    c01 = s01.add(c01);
                    c10 = s10.add(c10);
                    c11 = s11.add(c11);
                    c20 = s20.add(c20);
                    c21 = s21.add(c21);
                    c30 = s30.add(c30);
                    c31 = s31.add(c31);
                }
            }
            // key = |x|² − 2 q·x: 2 q·x is exact, so the fused form rounds once, as |x|² − 2·dot does
            var n0 = jdk.incubator.vector.DoubleVector.fromArray(S, norms, no);
            var n1 = jdk.incubator.vector.DoubleVector.fromArray(S, norms, no + W);
            var m2 = jdk.incubator.vector.DoubleVector.broadcast(S, -2.0);
            var le = jdk.incubator.vector.VectorOperators.LE;
            var k0 = c00.fma(m2, n0);
            var k1 = c01.fma(m2, n1);
            double bound = bounds[h0];
            if (k0.compare(le, bound).or(k1.compare(le, bound)).anyTrue()) {
                k0.intoArray(keys, 0);
                k1.intoArray(keys, W);
                offer(keys, t0, heaps, bounds, h0);
            }
            if (used < 2) return;
            k0 = c10.fma(m2, n0);
            k1 = c11.fma(m2, n1);
            bound = bounds[h0 + 1];
            if (k0.compare(le, bound).or(k1.compare(le, bound)).anyTrue()) {
                k0.intoArray(keys, 0);
                k1.intoArray(keys, W);
                offer(keys, t0, heaps, bounds, h0 + 1);
            }
            if (used < 3) return;
            k0 = c20.fma(m2, n0);
            k1 = c21.fma(m2, n1);
            bound = bounds[h0 + 2];
            if (k0.compare(le, bound).or(k1.compare(le, bound)).anyTrue()) {
                k0.intoArray(keys, 0);
                k1.intoArray(keys, W);
                offer(keys, t0, heaps, bounds, h0 + 2);
            }
            if (used < 4) return;
            k0 = c30.fma(m2, n0);
            k1 = c31.fma(m2, n1);
            bound = bounds[h0 + 3];
            if (k0.compare(le, bound).or(k1.compare(le, bound)).anyTrue()) {
                k0.intoArray(keys, 0);
                k1.intoArray(keys, W);
                offer(keys, t0, heaps, bounds, h0 + 3);
            }
        }

        /** Offers the rows whose key is within the query's bound, in row order. */
        private static void offer(double[] keys, int t0, TopK[] heaps, double[] bounds, int h) {
            TopK heap = heaps[h];
            double bound = bounds[h];
            for (int c = 0; c < NR; c++) {
                if (keys[c] <= bound) {
                    heap.offer(keys[c], t0 + c);
                    bound = heap.bound();
                }
            }
            bounds[h] = bound;
        }
    }
}
