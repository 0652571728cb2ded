package dev.nabla.ops;

import dev.nabla.DType;
import dev.nabla.Storage;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.cpu.Simd;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Direct float32 convolution for unit width stride (any height stride, dilation, padding, groups):
 * no im2col matrix. Each (image, group) is copied once into a zero-padded buffer whose rows are wide
 * enough that every vector load of every kernel tap is in bounds, so the Vector API kernel
 * ({@link DirectConvKernelF32}) runs without masks or border cases and writes each output element
 * exactly once, bias included.
 *
 * <p>It wins when the im2col matrix is expensive relative to the product, i.e. when the reduction
 * length cg*kh*kw is short (few input channels): there the GEMM of im2col + GEMM has K of a few dozen,
 * too short to amortise its packing, and building the matrix costs as much as the product.
 */
final class DirectConv {
    private DirectConv() {}

    /** Output channels per register block; the weights are packed in blocks of this many. */
    static final int OB = 8;

    /**
     * Whether conv picks this kernel. Measured on the 2-core AVX-512 Zen 5 dev box (16 lanes), min of 30
     * runs against im2col + GEMM: 3x3 and 5x5 convolutions with K = cg*kh*kw from 27 to 2304 and planes
     * from 2x2 to 32x32 ran 1.5-4x faster direct (64x3x32x32, 32 filters: 0.80 vs 1.73 ms). It lost
     * only where rows fill under half a vector and K is large (8x512x7x7, 3x3: 20 vs 19 ms, K 4608),
     * and tied on pointwise convolutions, which the GEMM path runs on the input itself without im2col.
     */
    static boolean applies(ConvParams.Geometry g, DType dtype) {
        if (!supports(g, dtype) || g.pointwise()) return false;
        int lanes = Simd.floatLanes(), rowLanes = (g.ow() + lanes - 1) / lanes * lanes;
        return 2 * g.ow() >= rowLanes || g.k() <= MAX_K_NARROW;
    }

    /** Narrow rows (under half their vectors' lanes used) still go direct up to this reduction length. */
    static final int MAX_K_NARROW = 1152;

    /** Whether the kernel can run g at all (the tests force it on shapes applies() would decline). */
    static boolean supports(ConvParams.Geometry g, DType dtype) {
        return Simd.AVAILABLE && dtype == DType.FLOAT32 && g.p().stride()[1] == 1;
    }

    /** out[n, o] = sum_c w[o, c] (*) x[n, c] + b[o], for supports(g). */
    static Tensor conv(Tensor x, Tensor w, Tensor b, ConvParams.Geometry g) {
        x = ConvKernels.dense(x);
        w = ConvKernels.dense(w);
        b = b == null ? null : ConvKernels.dense(b);
        float[] xs = (float[]) x.storage().array();
        int xo = x.offset();
        int groups = g.groups(), og = g.og(), k = g.k(), nob = (og + OB - 1) / OB;
        float[] wp = packWeights((float[]) w.storage().array(), w.offset(), g, nob);
        float[] bp = b == null ? null : packBias((float[]) b.storage().array(), b.offset(), g, nob);
        Layout lay = new Layout(g);
        int[] taps = lay.taps(g);
        // The only write before the kernel's: new float[] zero-fills, which Java cannot skip.
        float[] out = new float[g.n() * g.o() * g.l()];
        int planeIn = g.cg() * g.h() * g.w(), units = g.n() * groups * nob;
        long unitFlops = 2L * OB * k * g.l();
        int grain = (int) Math.max(1, Math.min(units, (1L << 20) / Math.max(1, unitFlops)));
        // Pieces claim chunks of units from a shared counter instead of taking fixed halves: on this
        // shared 2-core box the second core is often busy, and a fixed split then waits for a piece that
        // was descheduled, while claiming lets the caller take over its work. Every output element is
        // still computed by exactly one unit, so results do not depend on who ran it.
        AtomicInteger next = new AtomicInteger();
        int chunk = (int) Math.max(1, (1L << 18) / Math.max(1, unitFlops));
        Parallel.forRange(units, grain, (ignoredStart, ignoredEnd) -> {
            float[] pad = new float[lay.size];
            int padded = -1;
            for (int s; (s = next.getAndAdd(chunk)) < units; ) {
                for (int u = s, e = Math.min(units, s + chunk); u < e; u++) {
                    int img = u / nob, ob = u % nob, gi = img % groups;
                    if (img != padded) {
                        lay.fill(xs, xo + img * planeIn, g, pad);
                        padded = img;
                    }
                    int blk = gi * nob + ob, oc0 = ob * OB;
                    DirectConvKernelF32.block(pad, taps, lay, g, wp, blk * k * OB, bp, blk * OB,
                            out, (img * og + oc0) * g.l(), Math.min(OB, og - oc0));
                }
            }
        });
        return Tensor.of(Storage.of(out), g.n(), g.o(), g.oh(), g.ow());
    }

    /**
     * The input gradient (transposed convolution) of a unit-stride g as a direct convolution, or null when
     * that does not apply: with stride 1 it is gy convolved with the flipped, channel-transposed weight
     * [C, og, kh, kw] and padding d*(k-1) - p, which gives back the input size exactly.
     */
    static Tensor inputGrad(Tensor gy, Tensor w, ConvParams.Geometry g) {
        ConvParams p = g.p();
        int[] pad = new int[2];
        for (int d = 0; d < 2; d++) {
            pad[d] = p.dilation()[d] * ((d == 0 ? g.kh() : g.kw()) - 1) - p.padding()[d];
            if (p.stride()[d] != 1 || pad[d] < 0) return null;
        }
        ConvParams q = new ConvParams(p.stride(), pad, p.dilation(), p.groups());
        int[] wShape = {g.c(), g.og(), g.kh(), g.kw()};
        ConvParams.Geometry t = q.geometry("conv_transpose2d", gy.shape(), wShape);
        if (!applies(t, gy.dtype())) return null;
        w = ConvKernels.dense(w);
        float[] src = (float[]) w.storage().array(), flipped = new float[g.o() * g.k()];
        int off = w.offset(), kh = g.kh(), kw = g.kw(), cg = g.cg(), og = g.og();
        for (int o = 0; o < g.o(); o++) {
            int gi = o / og, oj = o % og;
            for (int ci = 0; ci < cg; ci++)
                for (int a = 0; a < kh; a++)
                    for (int b = 0; b < kw; b++)
                        flipped[(((gi * cg + ci) * og + oj) * kh + kh - 1 - a) * kw + kw - 1 - b] = src[off + ((o * cg + ci) * kh + a) * kw + b];
        }
        return conv(gy, Tensor.of(Storage.of(flipped), wShape), null, t);
    }

    /** w [O, cg, kh, kw] as [groups][nob][k][OB]: one block's broadcasts for one tap are contiguous; missing channels are 0. */
    private static float[] packWeights(float[] w, int off, ConvParams.Geometry g, int nob) {
        int og = g.og(), k = g.k();
        float[] p = new float[g.groups() * nob * k * OB];
        for (int gi = 0; gi < g.groups(); gi++)
            for (int o = 0; o < og; o++) {
                int base = ((gi * nob + o / OB) * k) * OB + o % OB, src = off + (gi * og + o) * k;
                for (int t = 0; t < k; t++) p[base + t * OB] = w[src + t];
            }
        return p;
    }

    private static float[] packBias(float[] b, int off, ConvParams.Geometry g, int nob) {
        int og = g.og();
        float[] p = new float[g.groups() * nob * OB];
        for (int gi = 0; gi < g.groups(); gi++)
            for (int o = 0; o < og; o++) p[(gi * nob + o / OB) * OB + o % OB] = b[off + gi * og + o];
        return p;
    }

    /**
     * The zero-padded copy of one (image, group): cg planes of hp rows of wp floats. Rows are wide enough
     * for a full vector at every output column start (the output row rounded up to whole vectors) plus
     * the kernel's reach, so loads never leave the buffer; the extra columns are zeros (or never stored).
     */
    static final class Layout {
        final int hp, wp, plane, size, vectorsPerRow, lanes;

        Layout(ConvParams.Geometry g) {
            lanes = Simd.floatLanes();
            int ph = g.p().padding()[0], pw = g.p().padding()[1], dw = g.p().dilation()[1];
            vectorsPerRow = (g.ow() + lanes - 1) / lanes;
            hp = g.h() + 2 * ph;
            wp = Math.max(g.w() + pw, vectorsPerRow * lanes + (g.kw() - 1) * dw);
            plane = hp * wp;
            size = g.cg() * plane + lanes;  // + lanes: slack for the last row's rounded-up loads
        }

        /** Buffer offset of each tap (c, ki, kj), in the weight's order, relative to an output pixel's origin. */
        int[] taps(ConvParams.Geometry g) {
            int dh = g.p().dilation()[0], dw = g.p().dilation()[1];
            int[] t = new int[g.k()];
            int i = 0;
            for (int c = 0; c < g.cg(); c++)
                for (int ki = 0; ki < g.kh(); ki++)
                    for (int kj = 0; kj < g.kw(); kj++) t[i++] = c * plane + ki * dh * wp + kj * dw;
            return t;
        }

        /** Copies the cg planes at x[off] into pad, leaving the borders zero (they are never written). */
        void fill(float[] x, int off, ConvParams.Geometry g, float[] pad) {
            int h = g.h(), w = g.w(), ph = g.p().padding()[0], pw = g.p().padding()[1];
            for (int c = 0; c < g.cg(); c++)
                for (int r = 0; r < h; r++)
                    System.arraycopy(x, off + (c * h + r) * w, pad, c * plane + (r + ph) * wp + pw, w);
        }
    }
}
