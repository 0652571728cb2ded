package dev.nabla.cpu;

/**
 * Plain-Java GEMM for JVMs without the Vector API. Loop orders keep the innermost loop on
 * contiguous memory (a row of B, or two rows being dotted) so the JIT can auto-vectorize it;
 * rows of C are split across threads. Arguments were validated by {@link Gemm}; m, n, k positive.
 */
final class GemmScalar {
    private static final long GRAIN_WORK = 1 << 18;

    private GemmScalar() {}

    static void sgemm(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int aOff,
                      int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        int grain = (int) Math.max(1, GRAIN_WORK / ((long) n * k));
        Parallel.forRange(m, grain, (i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                int crow = cOff + i * ldc;
                if (tb) {
                    for (int j = 0; j < n; j++) {
                        float dot = 0f;
                        int bj = bOff + j * ldb;
                        if (ta) {
                            for (int p = 0; p < k; p++) dot += a[aOff + p * lda + i] * b[bj + p];
                        } else {
                            int ai = aOff + i * lda;
                            for (int p = 0; p < k; p++) dot += a[ai + p] * b[bj + p];
                        }
                        c[crow + j] = beta == 0f ? alpha * dot : alpha * dot + beta * c[crow + j];
                    }
                } else {
                    for (int j = 0; j < n; j++) c[crow + j] = beta == 0f ? 0f : beta * c[crow + j];
                    for (int p = 0; p < k; p++) {
                        float av = alpha * (ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p]);
                        int brow = bOff + p * ldb;
                        for (int j = 0; j < n; j++) c[crow + j] += av * b[brow + j];
                    }
                }
            }
        });
    }

    static void dgemm(boolean ta, boolean tb, int m, int n, int k, double alpha, double[] a, int aOff,
                      int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        int grain = (int) Math.max(1, GRAIN_WORK / ((long) n * k));
        Parallel.forRange(m, grain, (i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                int crow = cOff + i * ldc;
                if (tb) {
                    for (int j = 0; j < n; j++) {
                        double dot = 0d;
                        int bj = bOff + j * ldb;
                        if (ta) {
                            for (int p = 0; p < k; p++) dot += a[aOff + p * lda + i] * b[bj + p];
                        } else {
                            int ai = aOff + i * lda;
                            for (int p = 0; p < k; p++) dot += a[ai + p] * b[bj + p];
                        }
                        c[crow + j] = beta == 0d ? alpha * dot : alpha * dot + beta * c[crow + j];
                    }
                } else {
                    for (int j = 0; j < n; j++) c[crow + j] = beta == 0d ? 0d : beta * c[crow + j];
                    for (int p = 0; p < k; p++) {
                        double av = alpha * (ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p]);
                        int brow = bOff + p * ldb;
                        for (int j = 0; j < n; j++) c[crow + j] += av * b[brow + j];
                    }
                }
            }
        });
    }
}
