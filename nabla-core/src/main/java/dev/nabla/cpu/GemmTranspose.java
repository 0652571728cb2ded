package dev.nabla.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * In-register transposes for packing: rows are loaded as whole vectors and rounds of two-vector
 * permutes (single lanes, then pairs, quads, octets) turn them into depth-major order, so every
 * load and store is a full vector. The scalar copies they replace move one float at a time at a
 * stride and cost several per cent of a whole product. Only for 16-lane floats (AVX-512); other
 * shapes use the scalar copies.
 */
final class GemmTranspose {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> HALF = FloatVector.SPECIES_256;
    /** Whether {@link #pack8}, {@link #pack16} and {@link #copy8} apply on this machine. */
    static final boolean USABLE = S.length() == 16;
    // Round 1 interleaves single lanes of two rows, round 2 pairs of lanes, round 3 quads; each
    // round has a low (first 8 source lanes) and a high (last 8) variant. Index >= 16 picks the
    // second vector.
    private static final FloatVector R1L = index(1, 0), R1H = index(1, 8);
    private static final FloatVector R2L = index(2, 0), R2H = index(2, 8);
    private static final FloatVector R3L = index(4, 0), R3H = index(4, 8);
    private static final FloatVector R4L = index(8, 0), R4H = index(8, 8);

    private GemmTranspose() {}

    private static FloatVector index(int unit, int base) {
        float[] x = new float[S.length()];
        for (int l = 0; l < x.length; l++) {
            int group = l / (2 * unit), second = (l / unit) % 2;
            x[l] = second * 16 + base + group * unit + l % unit;
        }
        return FloatVector.fromArray(S, x, 0);
    }

    /**
     * dst[d + p*8 + r] = alpha * a[src + r*lda + p] for r < 8 and p below the largest multiple of
     * 16 not above kc; returns that count, the caller copies the rest.
     */
    static int pack8(float[] a, int src, int lda, int kc, float alpha, float[] dst, int d) {
        int p = 0;
        for (; p <= kc - 16; p += 16) {
            int s = src + p;
            FloatVector r0 = FloatVector.fromArray(S, a, s), r1 = FloatVector.fromArray(S, a, s + lda);
            FloatVector r2 = FloatVector.fromArray(S, a, s + 2 * lda), r3 = FloatVector.fromArray(S, a, s + 3 * lda);
            FloatVector r4 = FloatVector.fromArray(S, a, s + 4 * lda), r5 = FloatVector.fromArray(S, a, s + 5 * lda);
            FloatVector r6 = FloatVector.fromArray(S, a, s + 6 * lda), r7 = FloatVector.fromArray(S, a, s + 7 * lda);
            FloatVector a0 = R1L.selectFrom(r0, r1), a1 = R1H.selectFrom(r0, r1);
            FloatVector b0 = R1L.selectFrom(r2, r3), b1 = R1H.selectFrom(r2, r3);
            FloatVector c0 = R1L.selectFrom(r4, r5), c1 = R1H.selectFrom(r4, r5);
            FloatVector d0 = R1L.selectFrom(r6, r7), d1 = R1H.selectFrom(r6, r7);
            FloatVector e0 = R2L.selectFrom(a0, b0), e1 = R2H.selectFrom(a0, b0);
            FloatVector e2 = R2L.selectFrom(a1, b1), e3 = R2H.selectFrom(a1, b1);
            FloatVector f0 = R2L.selectFrom(c0, d0), f1 = R2H.selectFrom(c0, d0);
            FloatVector f2 = R2L.selectFrom(c1, d1), f3 = R2H.selectFrom(c1, d1);
            int o = d + p * 8;
            R3L.selectFrom(e0, f0).mul(alpha).intoArray(dst, o);
            R3H.selectFrom(e0, f0).mul(alpha).intoArray(dst, o + 16);
            R3L.selectFrom(e1, f1).mul(alpha).intoArray(dst, o + 32);
            R3H.selectFrom(e1, f1).mul(alpha).intoArray(dst, o + 48);
            R3L.selectFrom(e2, f2).mul(alpha).intoArray(dst, o + 64);
            R3H.selectFrom(e2, f2).mul(alpha).intoArray(dst, o + 80);
            R3L.selectFrom(e3, f3).mul(alpha).intoArray(dst, o + 96);
            R3H.selectFrom(e3, f3).mul(alpha).intoArray(dst, o + 112);
        }
        return p;
    }

    /**
     * dst[d + p*nr + c] = b[src + c*ldb + p] for c < 16 and p below the largest multiple of 16 not
     * above kc (16 columns of a transposed B into depth-major panel order); returns that count.
     */
    static int pack16(float[] b, int src, int ldb, int kc, int nr, float[] dst, int d) {
        int p = 0;
        for (; p <= kc - 16; p += 16) {
            int s = src + p;
            FloatVector v0 = FloatVector.fromArray(S, b, s), v1 = FloatVector.fromArray(S, b, s + ldb);
            FloatVector v2 = FloatVector.fromArray(S, b, s + 2 * ldb), v3 = FloatVector.fromArray(S, b, s + 3 * ldb);
            FloatVector v4 = FloatVector.fromArray(S, b, s + 4 * ldb), v5 = FloatVector.fromArray(S, b, s + 5 * ldb);
            FloatVector v6 = FloatVector.fromArray(S, b, s + 6 * ldb), v7 = FloatVector.fromArray(S, b, s + 7 * ldb);
            FloatVector v8 = FloatVector.fromArray(S, b, s + 8 * ldb), v9 = FloatVector.fromArray(S, b, s + 9 * ldb);
            FloatVector v10 = FloatVector.fromArray(S, b, s + 10 * ldb), v11 = FloatVector.fromArray(S, b, s + 11 * ldb);
            FloatVector v12 = FloatVector.fromArray(S, b, s + 12 * ldb), v13 = FloatVector.fromArray(S, b, s + 13 * ldb);
            FloatVector v14 = FloatVector.fromArray(S, b, s + 14 * ldb), v15 = FloatVector.fromArray(S, b, s + 15 * ldb);
            FloatVector t1_0_0 = R1L.selectFrom(v0, v1), t1_0_1 = R1H.selectFrom(v0, v1);
            FloatVector t1_2_0 = R1L.selectFrom(v2, v3), t1_2_1 = R1H.selectFrom(v2, v3);
            FloatVector t1_4_0 = R1L.selectFrom(v4, v5), t1_4_1 = R1H.selectFrom(v4, v5);
            FloatVector t1_6_0 = R1L.selectFrom(v6, v7), t1_6_1 = R1H.selectFrom(v6, v7);
            FloatVector t1_8_0 = R1L.selectFrom(v8, v9), t1_8_1 = R1H.selectFrom(v8, v9);
            FloatVector t1_10_0 = R1L.selectFrom(v10, v11), t1_10_1 = R1H.selectFrom(v10, v11);
            FloatVector t1_12_0 = R1L.selectFrom(v12, v13), t1_12_1 = R1H.selectFrom(v12, v13);
            FloatVector t1_14_0 = R1L.selectFrom(v14, v15), t1_14_1 = R1H.selectFrom(v14, v15);
            FloatVector t2_0_0 = R2L.selectFrom(t1_0_0, t1_2_0), t2_0_1 = R2H.selectFrom(t1_0_0, t1_2_0);
            FloatVector t2_0_2 = R2L.selectFrom(t1_0_1, t1_2_1), t2_0_3 = R2H.selectFrom(t1_0_1, t1_2_1);
            FloatVector t2_2_0 = R2L.selectFrom(t1_4_0, t1_6_0), t2_2_1 = R2H.selectFrom(t1_4_0, t1_6_0);
            FloatVector t2_2_2 = R2L.selectFrom(t1_4_1, t1_6_1), t2_2_3 = R2H.selectFrom(t1_4_1, t1_6_1);
            FloatVector t2_4_0 = R2L.selectFrom(t1_8_0, t1_10_0), t2_4_1 = R2H.selectFrom(t1_8_0, t1_10_0);
            FloatVector t2_4_2 = R2L.selectFrom(t1_8_1, t1_10_1), t2_4_3 = R2H.selectFrom(t1_8_1, t1_10_1);
            FloatVector t2_6_0 = R2L.selectFrom(t1_12_0, t1_14_0), t2_6_1 = R2H.selectFrom(t1_12_0, t1_14_0);
            FloatVector t2_6_2 = R2L.selectFrom(t1_12_1, t1_14_1), t2_6_3 = R2H.selectFrom(t1_12_1, t1_14_1);
            FloatVector t3_0_0 = R3L.selectFrom(t2_0_0, t2_2_0), t3_0_1 = R3H.selectFrom(t2_0_0, t2_2_0);
            FloatVector t3_0_2 = R3L.selectFrom(t2_0_1, t2_2_1), t3_0_3 = R3H.selectFrom(t2_0_1, t2_2_1);
            FloatVector t3_0_4 = R3L.selectFrom(t2_0_2, t2_2_2), t3_0_5 = R3H.selectFrom(t2_0_2, t2_2_2);
            FloatVector t3_0_6 = R3L.selectFrom(t2_0_3, t2_2_3), t3_0_7 = R3H.selectFrom(t2_0_3, t2_2_3);
            FloatVector t3_2_0 = R3L.selectFrom(t2_4_0, t2_6_0), t3_2_1 = R3H.selectFrom(t2_4_0, t2_6_0);
            FloatVector t3_2_2 = R3L.selectFrom(t2_4_1, t2_6_1), t3_2_3 = R3H.selectFrom(t2_4_1, t2_6_1);
            FloatVector t3_2_4 = R3L.selectFrom(t2_4_2, t2_6_2), t3_2_5 = R3H.selectFrom(t2_4_2, t2_6_2);
            FloatVector t3_2_6 = R3L.selectFrom(t2_4_3, t2_6_3), t3_2_7 = R3H.selectFrom(t2_4_3, t2_6_3);
            FloatVector t4_0_0 = R4L.selectFrom(t3_0_0, t3_2_0), t4_0_1 = R4H.selectFrom(t3_0_0, t3_2_0);
            FloatVector t4_0_2 = R4L.selectFrom(t3_0_1, t3_2_1), t4_0_3 = R4H.selectFrom(t3_0_1, t3_2_1);
            FloatVector t4_0_4 = R4L.selectFrom(t3_0_2, t3_2_2), t4_0_5 = R4H.selectFrom(t3_0_2, t3_2_2);
            FloatVector t4_0_6 = R4L.selectFrom(t3_0_3, t3_2_3), t4_0_7 = R4H.selectFrom(t3_0_3, t3_2_3);
            FloatVector t4_0_8 = R4L.selectFrom(t3_0_4, t3_2_4), t4_0_9 = R4H.selectFrom(t3_0_4, t3_2_4);
            FloatVector t4_0_10 = R4L.selectFrom(t3_0_5, t3_2_5), t4_0_11 = R4H.selectFrom(t3_0_5, t3_2_5);
            FloatVector t4_0_12 = R4L.selectFrom(t3_0_6, t3_2_6), t4_0_13 = R4H.selectFrom(t3_0_6, t3_2_6);
            FloatVector t4_0_14 = R4L.selectFrom(t3_0_7, t3_2_7), t4_0_15 = R4H.selectFrom(t3_0_7, t3_2_7);
            int o = d + p * nr;
            t4_0_0.intoArray(dst, o);
            t4_0_1.intoArray(dst, o + nr);
            t4_0_2.intoArray(dst, o + 2 * nr);
            t4_0_3.intoArray(dst, o + 3 * nr);
            t4_0_4.intoArray(dst, o + 4 * nr);
            t4_0_5.intoArray(dst, o + 5 * nr);
            t4_0_6.intoArray(dst, o + 6 * nr);
            t4_0_7.intoArray(dst, o + 7 * nr);
            t4_0_8.intoArray(dst, o + 8 * nr);
            t4_0_9.intoArray(dst, o + 9 * nr);
            t4_0_10.intoArray(dst, o + 10 * nr);
            t4_0_11.intoArray(dst, o + 11 * nr);
            t4_0_12.intoArray(dst, o + 12 * nr);
            t4_0_13.intoArray(dst, o + 13 * nr);
            t4_0_14.intoArray(dst, o + 14 * nr);
            t4_0_15.intoArray(dst, o + 15 * nr);
        }
        return p;
    }

    /**
     * dst[d + p*8 + r] = alpha * a[src + p*lda + r] for r < 8, p < kc: 8 rows of a transposed A,
     * already depth-major, one half-width vector per depth step.
     */
    static void copy8(float[] a, int src, int lda, int kc, float alpha, float[] dst, int d) {
        for (int p = 0; p < kc; p++) {
            FloatVector.fromArray(HALF, a, src + p * lda).mul(alpha).intoArray(dst, d + p * 8);
        }
    }
}
