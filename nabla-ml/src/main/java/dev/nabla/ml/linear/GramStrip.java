package dev.nabla.ml.linear;

import dev.nabla.cpu.Simd;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Adds BᵀB of a row-major strip B (rows x width) into a width x width Gram, lower triangle only (the upper
 * one is the mirror image, written by the caller once): the symmetric product costs about half a GEMM. The
 * Vector API path is one small register-tiled kernel that reads B in place, unpacked and unmasked (width is a
 * multiple of {@link #widthMultiple()}, padded with zero columns by the caller), so HotSpot compiles it early.
 */
final class GramStrip {
    private GramStrip() {}

    /** Strip widths must be a multiple of this. */
    static int widthMultiple() {
        return Simd.AVAILABLE ? Lanes.NR : 1;
    }

    /** gram[i·width + j] += Σ_k b[k·width + i] · b[k·width + j] for j ≤ i (entries above the diagonal may change too). */
    static void addLower(double[] b, int rows, int width, double[] gram) {
        if (Simd.AVAILABLE) {
            Lanes.addLower(b, rows, width, gram);
            return;
        }
        for (int k = 0; k < rows; k++) {
            int off = k * width;
            for (int i = 0; i < width; i++) {
                double bi = b[off + i];
                for (int j = 0; j <= i; j++) gram[i * width + j] += bi * b[off + j];
            }
        }
    }

    /** Touches the Vector API; loaded only when {@link Simd#AVAILABLE}. */
    private static final class Lanes {
        private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
        private static final int L = S.length();
        /** A tile is MR rows of the Gram by NR = 2 vectors of columns: 2·MR accumulators. */
        private static final int MR = 8, NR = Math.max(2 * L, MR);

        static void addLower(double[] b, int rows, int width, double[] gram) {
            double[] tile = new double[MR * 2 * L];
            for (int j0 = 0; j0 < width; j0 += NR)
                for (int i0 = j0; i0 < width; i0 += MR) // tiles with i0 < j0 lie wholly above the diagonal
                    for (int jv = j0; jv < j0 + NR; jv += 2 * L) {
                        tile(b, rows, width, i0, jv, tile);
                        for (int r = 0, g = i0 * width + jv; r < MR; r++, g += width)
                            for (int j = 0; j < 2 * L; j++) gram[g + j] += tile[r * 2 * L + j];
                    }
        }

        /**
         * tile = Σ_k b[k, i0..i0+8)ᵀ b[k, j0..j0+2L), summed in registers. The sums go to a small array,
         * not straight into the Gram: the extra vector nodes would push C2 past its inlining budget and
         * leave the accumulators boxed, as in GemmKernelF64.
         */
        private static void tile(double[] b, int rows, int width, int i0, int j0, double[] tile) {
            DoubleVector z = DoubleVector.zero(S);
            DoubleVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
            DoubleVector c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
            for (int k = 0, off = 0; k < rows; k++, off += width) {
                DoubleVector b0 = DoubleVector.fromArray(S, b, off + j0);
                DoubleVector b1 = DoubleVector.fromArray(S, b, off + j0 + L);
                int a = off + i0;
                DoubleVector x = DoubleVector.broadcast(S, b[a]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                x = DoubleVector.broadcast(S, b[a + 1]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                x = DoubleVector.broadcast(S, b[a + 2]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                x = DoubleVector.broadcast(S, b[a + 3]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
                x = DoubleVector.broadcast(S, b[a + 4]);
                c40 = x.fma(b0, c40);
                c41 = x.fma(b1, c41);
                x = DoubleVector.broadcast(S, b[a + 5]);
                c50 = x.fma(b0, c50);
                c51 = x.fma(b1, c51);
                x = DoubleVector.broadcast(S, b[a + 6]);
                c60 = x.fma(b0, c60);
                c61 = x.fma(b1, c61);
                x = DoubleVector.broadcast(S, b[a + 7]);
                c70 = x.fma(b0, c70);
                c71 = x.fma(b1, c71);
            }
            c00.intoArray(tile, 0);
            c01.intoArray(tile, L);
            c10.intoArray(tile, 2 * L);
            c11.intoArray(tile, 3 * L);
            c20.intoArray(tile, 4 * L);
            c21.intoArray(tile, 5 * L);
            c30.intoArray(tile, 6 * L);
            c31.intoArray(tile, 7 * L);
            c40.intoArray(tile, 8 * L);
            c41.intoArray(tile, 9 * L);
            c50.intoArray(tile, 10 * L);
            c51.intoArray(tile, 11 * L);
            c60.intoArray(tile, 12 * L);
            c61.intoArray(tile, 13 * L);
            c70.intoArray(tile, 14 * L);
            c71.intoArray(tile, 15 * L);
        }
    }
}
