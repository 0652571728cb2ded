package dev.nabla.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API sgemm. Large products take the GotoBLAS route: B is packed in KC x NC blocks, A in
 * MC x KC blocks, and an MR x NR micro-kernel (8 rows x 2 vectors, 16 accumulators held in
 * registers) streams both packed panels. Tiny or thin products skip packing, whose cost would
 * exceed the multiply itself. Loaded only when {@link Simd#AVAILABLE}; arguments were validated
 * by {@link Gemm}, and m, n, k are positive.
 */
final class GemmKernelF32 {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MR = 8;
    private static final int NR = 2 * L;
    // Sized for a 48 KiB L1 / 1 MiB L2 core: a KC x NR panel of B stays in L1 across the A panels,
    // an MC x KC block of A stays in L2.
    private static final int KC = 384;
    private static final int MC = 192;
    private static final int NC = ceil(4096, NR) * NR;
    /** Products with at most this many multiply-adds (about 58^3) skip packing. */
    private static final long DIRECT_WORK = 200_000;
    /** Multiply-adds a thread should get before a product is split. */
    private static final long GRAIN_WORK = 1 << 21;

    private static final ThreadLocal<float[]> PACK_A = ThreadLocal.withInitial(() -> new float[MC * KC]);
    private static final ThreadLocal<float[]> PACK_B = ThreadLocal.withInitial(() -> new float[0]);
    private static final ThreadLocal<float[]> TILE = ThreadLocal.withInitial(() -> new float[MR * NR]);

    private GemmKernelF32() {}

    static void sgemm(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int aOff,
                      int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        long work = (long) m * n * k;
        if (work <= DIRECT_WORK || m < MR / 2 || n < L / 2) {
            direct(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else {
            blocked(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    /**
     * Splits C into one rectangle per thread (row strips, or column strips when C is wide) and runs
     * the serial blocked product on each. Every thread packs the B it needs itself: that repeats
     * some packing, but costs less than the two pool hand-offs per KC block that sharing packed B
     * would need (about 20 us each, as much as a whole 256^3 product takes per thread).
     */
    private static void blocked(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a,
                                int aOff, int lda, float[] b, int bOff, int ldb, float beta,
                                float[] c, int cOff, int ldc) {
        boolean byRows = m >= n;
        int units = byRows ? ceil(m, MR) : ceil(n, NR);
        long unitWork = (long) (byRows ? MR * n : NR * m) * k;
        int grain = (int) Math.max(1, GRAIN_WORK / unitWork);
        Parallel.forRange(units, grain, (s, e) -> {
            if (byRows) {
                serial(ta, tb, s * MR, Math.min(m, e * MR), 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            } else {
                serial(ta, tb, 0, m, s * NR, Math.min(n, e * NR), k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            }
        });
    }

    /** The GotoBLAS loop nest over C[i0:i1, j0:j1] on the calling thread. */
    private static void serial(boolean ta, boolean tb, int i0, int i1, int j0, int j1, int k, float alpha,
                               float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta,
                               float[] c, int cOff, int ldc) {
        float[] pa = PACK_A.get();
        float[] pb = bBuffer(Math.min(KC, k) * ceil(Math.min(NC, j1 - j0), NR) * NR);
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                float betaEff = pc == 0 ? beta : 1f;
                GemmPack.packB(tb, b, bOff, ldb, pc, jc, kc, nc, NR, pb);
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    GemmPack.packA(ta, a, aOff, lda, ic, pc, mc, kc, alpha, MR, pa);
                    macro(pa, pb, mc, nc, kc, betaEff, c, cOff + ic * ldc + jc, ldc);
                }
            }
        }
    }

    private static float[] bBuffer(int size) {
        float[] buf = PACK_B.get();
        if (buf.length < size) {
            buf = new float[size];
            PACK_B.set(buf);
        }
        return buf;
    }

    /** C[0:mc, 0:nc] (at cIdx) = beta*C + packed A * packed B. */
    private static void macro(float[] pa, float[] pb, int mc, int nc, int kc, float beta,
                              float[] c, int cIdx, int ldc) {
        float[] tile = TILE.get();
        for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
                micro(pa, ir * kc, pb, jr * kc, kc, tile);
                merge(tile, Math.min(MR, mc - ir), cols, beta, c, cIdx + ir * ldc + jr, ldc);
            }
        }
    }

    /**
     * tile = packed A panel * packed B panel. The accumulators go to a tile rather than straight
     * into C: C2 then compiles this loop without the beta and edge cases, whose extra vector nodes
     * push it past the inlining budget and leave the accumulators boxed.
     */
    private static void micro(float[] pa, int aIdx, float[] pb, int bIdx, int kc, float[] tile) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        FloatVector c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
        for (int p = 0; p < kc; p++) {
            int ai = aIdx + p * MR, bi = bIdx + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, pb, bi);
            FloatVector b1 = FloatVector.fromArray(S, pb, bi + L);
            FloatVector x = FloatVector.broadcast(S, pa[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, pa[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, pa[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, pa[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, pa[ai + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, pa[ai + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, pa[ai + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, pa[ai + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        c60.intoArray(tile, 6 * NR);
        c61.intoArray(tile, 6 * NR + L);
        c70.intoArray(tile, 7 * NR);
        c71.intoArray(tile, 7 * NR + L);
    }

    /** C[0:rows, 0:cols] (at ci) = beta*C + tile; C is not read when beta is 0. */
    private static void merge(float[] tile, int rows, int cols, float beta, float[] c, int ci, int ldc) {
        FloatVector bv = FloatVector.broadcast(S, beta);
        for (int r = 0; r < rows; r++, ci += ldc) {
            for (int j = 0; j < cols; j += L) {
                VectorMask<Float> mask = S.indexInRange(j, cols);
                FloatVector v = FloatVector.fromArray(S, tile, r * NR + j);
                if (beta == 1f) {
                    v = v.add(FloatVector.fromArray(S, c, ci + j, mask));
                } else if (beta != 0f) {
                    v = FloatVector.fromArray(S, c, ci + j, mask).fma(bv, v);
                }
                v.intoArray(c, ci + j, mask);
            }
        }
    }

    /**
     * Unpacked path, split over column strips. Without a transposed B each row of C gathers scaled
     * rows of B; with one, each C entry is a dot product of two contiguous runs when A is untransposed.
     */
    private static void direct(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a,
                               int aOff, int lda, float[] b, int bOff, int ldb, float beta,
                               float[] c, int cOff, int ldc) {
        int strips = ceil(n, L);
        int grain = (int) Math.max(1, GRAIN_WORK / ((long) m * k * L));
        Parallel.forRange(strips, grain, (s, e) -> {
            int j0 = s * L, j1 = Math.min(n, e * L);
            for (int i = 0; i < m; ) {
                int crow = cOff + i * ldc;
                if (tb) {
                    for (int j = j0; j < j1; j++) {
                        float dot = ta ? dotStrided(a, aOff + i, lda, b, bOff + j * ldb, k)
                                       : dot(a, aOff + i * lda, b, bOff + j * ldb, k);
                        c[crow + j] = beta == 0f ? alpha * dot : alpha * dot + beta * c[crow + j];
                    }
                    i++;
                } else if (i + 4 <= m) {
                    axpyRows4(ta, i, j0, j1, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, crow, ldc);
                    i += 4;
                } else {
                    axpyRows(ta, i, j0, j1, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, crow);
                    i++;
                }
            }
        });
    }

    /** {@link #axpyRows} for rows i..i+3 at once, so each strip of B is loaded once per four rows. */
    private static void axpyRows4(boolean ta, int i, int j0, int j1, int k, float alpha, float[] a,
                                  int aOff, int lda, float[] b, int bOff, int ldb, float beta,
                                  float[] c, int crow, int ldc) {
        int rs = ta ? 1 : lda, ps = ta ? lda : 1, base = aOff + i * rs;
        for (int j = j0; j < j1; j += L) {
            VectorMask<Float> mask = S.indexInRange(j, j1);
            FloatVector acc0 = FloatVector.zero(S), acc1 = acc0, acc2 = acc0, acc3 = acc0;
            for (int p = 0; p < k; p++) {
                FloatVector bv = FloatVector.fromArray(S, b, bOff + p * ldb + j, mask);
                int at = base + p * ps;
                acc0 = FloatVector.broadcast(S, a[at]).fma(bv, acc0);
                acc1 = FloatVector.broadcast(S, a[at + rs]).fma(bv, acc1);
                acc2 = FloatVector.broadcast(S, a[at + 2 * rs]).fma(bv, acc2);
                acc3 = FloatVector.broadcast(S, a[at + 3 * rs]).fma(bv, acc3);
            }
            finish(acc0, alpha, beta, c, crow + j, mask);
            finish(acc1, alpha, beta, c, crow + ldc + j, mask);
            finish(acc2, alpha, beta, c, crow + 2 * ldc + j, mask);
            finish(acc3, alpha, beta, c, crow + 3 * ldc + j, mask);
        }
    }

    /** c[at:] = alpha * acc + beta * c[at:] under mask; C is not read when beta is 0. */
    private static void finish(FloatVector acc, float alpha, float beta, float[] c, int at, VectorMask<Float> mask) {
        acc = acc.mul(alpha);
        if (beta != 0f) acc = FloatVector.fromArray(S, c, at, mask).fma(FloatVector.broadcast(S, beta), acc);
        acc.intoArray(c, at, mask);
    }

    /** C[i, j0:j1] = beta*C + alpha * sum_p A(i,p) * B[p, j0:j1], one vector strip at a time. */
    private static void axpyRows(boolean ta, int i, int j0, int j1, int k, float alpha, float[] a,
                                 int aOff, int lda, float[] b, int bOff, int ldb, float beta,
                                 float[] c, int crow) {
        for (int j = j0; j < j1; j += L) {
            VectorMask<Float> mask = S.indexInRange(j, j1);
            FloatVector acc = FloatVector.zero(S);
            for (int p = 0; p < k; p++) {
                float av = ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                acc = FloatVector.fromArray(S, b, bOff + p * ldb + j, mask).fma(FloatVector.broadcast(S, av), acc);
            }
            finish(acc, alpha, beta, c, crow + j, mask);
        }
    }

    private static float dot(float[] x, int xi, float[] y, int yi, int k) {
        FloatVector acc = FloatVector.zero(S);
        int p = 0;
        for (; p <= k - L; p += L) {
            acc = FloatVector.fromArray(S, x, xi + p).fma(FloatVector.fromArray(S, y, yi + p), acc);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; p < k; p++) sum += x[xi + p] * y[yi + p];
        return sum;
    }

    private static float dotStrided(float[] x, int xi, int incx, float[] y, int yi, int k) {
        float sum = 0f;
        for (int p = 0; p < k; p++) sum += x[xi + p * incx] * y[yi + p];
        return sum;
    }

    private static int ceil(int x, int d) {
        return (x + d - 1) / d;
    }
}
