package dev.nabla.cpu;

/**
 * Copies blocks of op(A) and op(B) into the panel layouts the GEMM micro-kernels stream through.
 * Transposes are absorbed here, so the kernels see one layout only; ragged edges are zero-padded,
 * so the kernels always compute full tiles. Alpha is folded into A while it is copied anyway.
 *
 * <p>A block (mc x kc, starting at row i0, depth p0): panels of {@code mr} rows, each stored
 * depth-major, {@code mr} values per depth step. B block (kc x nc, starting at depth p0, column
 * j0): panels of {@code nr} columns, each stored depth-major, {@code nr} values per depth step.
 *
 * <p>Only the kernels load this class, and only when {@link Simd#AVAILABLE}: the float A copy
 * and transposed-B copies use the Vector API through {@link GemmTranspose}.
 */
final class GemmPack {
    private GemmPack() {}

    static void packA(boolean trans, float[] a, int aOff, int lda, int i0, int p0, int mc, int kc,
                      float alpha, int mr, float[] dst) {
        int d = 0;
        for (int ir = 0; ir < mc; ir += mr) {
            int rows = Math.min(mr, mc - ir);
            if (trans && rows == 8 && mr == 8 && GemmTranspose.USABLE) {
                GemmTranspose.copy8(a, aOff + p0 * lda + i0 + ir, lda, kc, alpha, dst, d);
                d += kc * mr;
            } else if (trans) {
                // A(i, p) = a[p*lda + i]: each depth step is a contiguous run of rows.
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (p0 + p) * lda + i0 + ir;
                    for (int r = 0; r < rows; r++) dst[d + r] = alpha * a[src + r];
                    for (int r = rows; r < mr; r++) dst[d + r] = 0f;
                    d += mr;
                }
            } else {
                int src = aOff + (i0 + ir) * lda + p0;
                int done = rows == 8 && mr == 8 && GemmTranspose.USABLE
                        ? GemmTranspose.pack8(a, src, lda, kc, alpha, dst, d) : 0;
                for (int r = 0; r < rows; r++) {
                    for (int p = done; p < kc; p++) dst[d + p * mr + r] = alpha * a[src + r * lda + p];
                }
                for (int r = rows; r < mr; r++) {
                    for (int p = 0; p < kc; p++) dst[d + p * mr + r] = 0f;
                }
                d += kc * mr;
            }
        }
    }

    static void packB(boolean trans, float[] b, int bOff, int ldb, int p0, int j0, int kc, int nc,
                      int nr, float[] dst) {
        if (trans) {
            // B(p, j) = b[j*ldb + p]: read each column's run of depths, scatter with stride nr.
            for (int jr = 0; jr < nc; jr += nr) {
                int cols = Math.min(nr, nc - jr), d = jr * kc;
                int c = 0;
                for (; GemmTranspose.USABLE && c + 16 <= cols; c += 16) {
                    int src = bOff + (j0 + jr + c) * ldb + p0;
                    int done = GemmTranspose.pack16(b, src, ldb, kc, nr, dst, d + c);
                    for (int cc = 0; cc < 16; cc++) {
                        for (int p = done; p < kc; p++) dst[d + p * nr + c + cc] = b[src + cc * ldb + p];
                    }
                }
                for (; c < cols; c++) {
                    int src = bOff + (j0 + jr + c) * ldb + p0;
                    for (int p = 0; p < kc; p++) dst[d + p * nr + c] = b[src + p];
                }
                for (; c < nr; c++) {
                    for (int p = 0; p < kc; p++) dst[d + p * nr + c] = 0f;
                }
            }
            return;
        }
        // Row by row, so B is read front to back; each row lands as one strip in every panel.
        for (int p = 0; p < kc; p++) {
            int src = bOff + (p0 + p) * ldb + j0;
            for (int jr = 0; jr < nc; jr += nr) {
                int cols = Math.min(nr, nc - jr), d = jr * kc + p * nr;
                System.arraycopy(b, src + jr, dst, d, cols);
                for (int c = cols; c < nr; c++) dst[d + c] = 0f;
            }
        }
    }

    static void packA(boolean trans, double[] a, int aOff, int lda, int i0, int p0, int mc, int kc,
                      double alpha, int mr, double[] dst) {
        int d = 0;
        for (int ir = 0; ir < mc; ir += mr) {
            int rows = Math.min(mr, mc - ir);
            if (trans) {
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (p0 + p) * lda + i0 + ir;
                    for (int r = 0; r < rows; r++) dst[d + r] = alpha * a[src + r];
                    for (int r = rows; r < mr; r++) dst[d + r] = 0d;
                    d += mr;
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    int src = aOff + (i0 + ir + r) * lda + p0;
                    for (int p = 0; p < kc; p++) dst[d + p * mr + r] = alpha * a[src + p];
                }
                for (int r = rows; r < mr; r++) {
                    for (int p = 0; p < kc; p++) dst[d + p * mr + r] = 0d;
                }
                d += kc * mr;
            }
        }
    }

    static void packB(boolean trans, double[] b, int bOff, int ldb, int p0, int j0, int kc, int nc,
                      int nr, double[] dst) {
        for (int jr = 0; jr < nc; jr += nr) {
            int cols = Math.min(nr, nc - jr);
            int d = jr * kc;
            if (trans) {
                for (int c = 0; c < cols; c++) {
                    int src = bOff + (j0 + jr + c) * ldb + p0;
                    for (int p = 0; p < kc; p++) dst[d + p * nr + c] = b[src + p];
                }
                for (int c = cols; c < nr; c++) {
                    for (int p = 0; p < kc; p++) dst[d + p * nr + c] = 0d;
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (p0 + p) * ldb + j0 + jr;
                    System.arraycopy(b, src, dst, d, cols);
                    for (int c = cols; c < nr; c++) dst[d + c] = 0d;
                    d += nr;
                }
            }
        }
    }
}
