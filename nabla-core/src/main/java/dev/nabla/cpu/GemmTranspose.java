package dev.nabla.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Packs 8 rows of an untransposed A into depth-major order (8 values per depth step) with an
 * in-register 8 x 16 transpose: eight row loads, three rounds of two-vector permutes, eight
 * stores. The scalar copy it replaces writes one float at a time at a stride and cost several
 * per cent of a whole product. Only for 16-lane floats (AVX-512); other shapes use the scalar copy.
 */
final class GemmTranspose {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Whether {@link #pack8} applies on this machine. */
    static final boolean USABLE = S.length() == 16;
    // Round 1 interleaves single lanes of two rows, round 2 pairs of lanes, round 3 quads; each
    // round has a low (first 8 source lanes) and a high (last 8) variant. Index >= 16 picks the
    // second vector.
    private static final FloatVector R1L = index(1, 0), R1H = index(1, 8);
    private static final FloatVector R2L = index(2, 0), R2H = index(2, 8);
    private static final FloatVector R3L = index(4, 0), R3H = index(4, 8);

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
}
