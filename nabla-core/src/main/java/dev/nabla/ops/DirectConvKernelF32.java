package dev.nabla.ops;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API register block of {@link DirectConv}: 8 output channels x 2 vectors of output pixels,
 * 16 accumulators, over all taps (c, ki, kj). Per tap it loads the two input vectors (the padded input
 * shifted by the tap's offset) and broadcasts 8 weights from the packed block, then does 16 FMAs, so
 * the loads per FMA stay well under the core's load bandwidth. Loaded only when Simd.AVAILABLE.
 */
final class DirectConvKernelF32 {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private DirectConvKernelF32() {}

    /**
     * All output pixels of up to 8 channels (count of them valid) of one (image, group): out[outOff +
     * j * l + pixel] for channel j. Pixel vectors are taken in pairs in row-major order, so a row of
     * two vectors is one pair and rows of one vector pair up two rows; an odd last vector is computed
     * twice (stored identically both times) rather than needing a second kernel.
     */
    static void block(float[] pad, int[] taps, DirectConv.Layout lay, ConvParams.Geometry g, float[] wp, int wOff,
                      float[] bp, int bOff, float[] out, int outOff, int count) {
        int vpr = lay.vectorsPerRow, ow = g.ow(), l = g.l(), rowStep = g.p().stride()[0] * lay.wp;
        int nv = g.oh() * vpr;
        for (int v = 0; v < nv; v += 2) {
            int u = Math.min(v + 1, nv - 1);
            int ya = v / vpr, xa = (v % vpr) * L, yb = u / vpr, xb = (u % vpr) * L;
            pair(pad, taps, ya * rowStep + xa, yb * rowStep + xb, wp, wOff, bp, bOff, out, outOff,
                    ya * ow + xa, Math.min(L, ow - xa), yb * ow + xb, Math.min(L, ow - xb), l, count);
        }
    }

    /** One 8-channel x 2-vector block: pa/pb are the pixel vectors' origins in pad, qa/qb (na/nb lanes) in each output plane. */
    private static void pair(float[] pad, int[] taps, int pa, int pb, float[] wp, int wOff, float[] bp, int bOff,
                             float[] out, int outOff, int qa, int na, int qb, int nb, int l, int count) {
        FloatVector a0, a1, a2, a3, a4, a5, a6, a7, b0, b1, b2, b3, b4, b5, b6, b7;
        if (bp == null) {
            a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = FloatVector.zero(S);
        } else {
            a0 = FloatVector.broadcast(S, bp[bOff]);
            a1 = FloatVector.broadcast(S, bp[bOff + 1]);
            a2 = FloatVector.broadcast(S, bp[bOff + 2]);
            a3 = FloatVector.broadcast(S, bp[bOff + 3]);
            a4 = FloatVector.broadcast(S, bp[bOff + 4]);
            a5 = FloatVector.broadcast(S, bp[bOff + 5]);
            a6 = FloatVector.broadcast(S, bp[bOff + 6]);
            a7 = FloatVector.broadcast(S, bp[bOff + 7]);
        }
        b0 = a0; b1 = a1; b2 = a2; b3 = a3; b4 = a4; b5 = a5; b6 = a6; b7 = a7;
        for (int t = 0, wi = wOff; t < taps.length; t++, wi += DirectConv.OB) {
            int at = taps[t];
            FloatVector xa = FloatVector.fromArray(S, pad, pa + at), xb = FloatVector.fromArray(S, pad, pb + at);
            FloatVector c = FloatVector.broadcast(S, wp[wi]);
            a0 = xa.fma(c, a0); b0 = xb.fma(c, b0);
            c = FloatVector.broadcast(S, wp[wi + 1]);
            a1 = xa.fma(c, a1); b1 = xb.fma(c, b1);
            c = FloatVector.broadcast(S, wp[wi + 2]);
            a2 = xa.fma(c, a2); b2 = xb.fma(c, b2);
            c = FloatVector.broadcast(S, wp[wi + 3]);
            a3 = xa.fma(c, a3); b3 = xb.fma(c, b3);
            c = FloatVector.broadcast(S, wp[wi + 4]);
            a4 = xa.fma(c, a4); b4 = xb.fma(c, b4);
            c = FloatVector.broadcast(S, wp[wi + 5]);
            a5 = xa.fma(c, a5); b5 = xb.fma(c, b5);
            c = FloatVector.broadcast(S, wp[wi + 6]);
            a6 = xa.fma(c, a6); b6 = xb.fma(c, b6);
            c = FloatVector.broadcast(S, wp[wi + 7]);
            a7 = xa.fma(c, a7); b7 = xb.fma(c, b7);
        }
        // Vectors stay in this method: passed to a callee C2 does not inline they would be boxed. Masked
        // stores here instead of the tile made the method too big for C1's register allocator, which
        // then never profiled it and C2 never compiled it (70x slower), so partial blocks go via a tile.
        boolean whole = na == L && nb == L && count == DirectConv.OB;
        float[] dst = whole ? out : TILE.get();
        int o = whole ? outOff : 0, step = whole ? l : 2 * L, pa2 = whole ? qa : 0, pb2 = whole ? qb : L;
        a0.intoArray(dst, o + pa2); b0.intoArray(dst, o + pb2); o += step;
        a1.intoArray(dst, o + pa2); b1.intoArray(dst, o + pb2); o += step;
        a2.intoArray(dst, o + pa2); b2.intoArray(dst, o + pb2); o += step;
        a3.intoArray(dst, o + pa2); b3.intoArray(dst, o + pb2); o += step;
        a4.intoArray(dst, o + pa2); b4.intoArray(dst, o + pb2); o += step;
        a5.intoArray(dst, o + pa2); b5.intoArray(dst, o + pb2); o += step;
        a6.intoArray(dst, o + pa2); b6.intoArray(dst, o + pb2); o += step;
        a7.intoArray(dst, o + pa2); b7.intoArray(dst, o + pb2);
        if (!whole) untile(dst, out, outOff, qa, na, qb, nb, l, count);
    }

    /** Per-thread tile [8][2 * L] for blocks that are not 8 whole-vector channels. */
    private static final ThreadLocal<float[]> TILE = ThreadLocal.withInitial(() -> new float[DirectConv.OB * 2 * L]);

    /** Copies the valid part of a tile: count channels, na lanes of vector a and nb of vector b. */
    private static void untile(float[] tile, float[] out, int outOff, int qa, int na, int qb, int nb, int l, int count) {
        for (int j = 0; j < count; j++) {
            System.arraycopy(tile, j * 2 * L, out, outOff + j * l + qa, na);
            System.arraycopy(tile, j * 2 * L + L, out, outOff + j * l + qb, nb);
        }
    }
}
