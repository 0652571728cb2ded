package dev.nabla.cpu;

/**
 * Matrix multiply, row-major with cblas semantics: C = alpha * op(A) * op(B) + beta * C, where op(A)
 * is m x k, op(B) is k x n, and C is m x n. When beta is 0 the old contents of C are never read, so
 * NaN or garbage there cannot leak into the result.
 *
 * <p>Which implementation runs is chosen once, by {@code NABLA_BLAS} (or the system property
 * {@code nabla.blas}): {@code auto} (default) uses a system BLAS when one loads, else the Java
 * kernels; {@code java} always uses the Java kernels; {@code native} requires a system BLAS. The
 * {@code *Java} and {@code *Native} variants bypass the choice so benchmarks can compare both.
 */
public final class Gemm {
    private enum Mode { AUTO, JAVA, NATIVE }

    private static final String MODE_SETTING = setting();

    private Gemm() {}

    private static String setting() {
        String env = System.getenv("NABLA_BLAS");
        String value = System.getProperty("nabla.blas", env == null ? "auto" : env);
        return value.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static Mode mode() {
        return switch (MODE_SETTING) {
            case "", "auto" -> Mode.AUTO;
            case "java" -> Mode.JAVA;
            case "native" -> Mode.NATIVE;
            default -> throw new IllegalArgumentException(
                    "NABLA_BLAS must be auto, java or native, got '" + MODE_SETTING + "'");
        };
    }

    private static boolean useNative() {
        Mode mode = mode();
        if (mode == Mode.JAVA) return false;
        if (mode == Mode.NATIVE) requireNative();
        if (mode == Mode.NATIVE) return true;
        // Inside a parallel region the native library's own threads would compete with ours; the Java
        // kernel runs single-threaded there at about the native single-thread speed.
        return NativeBlas.AVAILABLE && !OPENBLAS_PINNED && !Parallel.inParallelRegion();
    }

    /**
     * OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE tune OpenBLAS for another CPU; with OPENBLAS_L2_SIZE=512 a
     * training step ran 40x slower here. auto then keeps the Java kernels, which ignore both.
     */
    private static final boolean OPENBLAS_PINNED =
            System.getenv("OPENBLAS_CORETYPE") != null || System.getenv("OPENBLAS_L2_SIZE") != null;

    private static void requireNative() {
        if (!NativeBlas.AVAILABLE) {
            throw new IllegalStateException("native BLAS requested (NABLA_BLAS=native or a *Native call) but "
                    + NativeBlas.STATUS + "; install OpenBLAS (e.g. apt-get install libopenblas0) or use NABLA_BLAS=java");
        }
    }

    /** Whether a system BLAS was found and linked. */
    public static boolean nativeAvailable() {
        return NativeBlas.AVAILABLE;
    }

    /** One line for diagnostics: the native library in use, or why none is. */
    public static String nativeStatus() {
        return NativeBlas.AVAILABLE ? "native BLAS: " + NativeBlas.STATUS : NativeBlas.STATUS;
    }

    /** What {@link #sgemm} runs, e.g. "java (Vector API, 16 float lanes)" or "native (libopenblas.so.0)". */
    public static String implementation() {
        if (useNative()) return "native (" + NativeBlas.STATUS + ")";
        String why = NativeBlas.AVAILABLE && OPENBLAS_PINNED && mode() == Mode.AUTO
                ? "; system BLAS skipped because OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE pin it to another CPU's tuning" : "";
        if (Simd.AVAILABLE) return "java (Vector API, " + Simd.floatLanes() + " float lanes" + why + ")";
        return "java (scalar: " + Simd.FALLBACK_REASON + why + ")";
    }

    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        GemmChecks.check("sgemm", transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (useNative()) {
            if (m > 0 && n > 0) NativeBlas.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else {
            java(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    /** {@link #sgemm} on the Java kernels, whatever NABLA_BLAS says. */
    public static void sgemmJava(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                 float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                 float beta, float[] c, int cOff, int ldc) {
        GemmChecks.check("sgemm", transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        java(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /** {@link #sgemm} on the system BLAS; throws IllegalStateException when there is none. */
    public static void sgemmNative(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                   float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                   float beta, float[] c, int cOff, int ldc) {
        GemmChecks.check("sgemm", transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        requireNative();
        if (m > 0 && n > 0) NativeBlas.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                             double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                             double beta, double[] c, int cOff, int ldc) {
        GemmChecks.check("dgemm", transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (useNative()) {
            if (m > 0 && n > 0) NativeBlas.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else {
            java(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    /** {@link #dgemm} on the Java kernels, whatever NABLA_BLAS says. */
    public static void dgemmJava(boolean transA, boolean transB, int m, int n, int k, double alpha,
                                 double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                                 double beta, double[] c, int cOff, int ldc) {
        GemmChecks.check("dgemm", transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        java(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /** {@link #dgemm} on the system BLAS; throws IllegalStateException when there is none. */
    public static void dgemmNative(boolean transA, boolean transB, int m, int n, int k, double alpha,
                                   double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                                   double beta, double[] c, int cOff, int ldc) {
        GemmChecks.check("dgemm", transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        requireNative();
        if (m > 0 && n > 0) NativeBlas.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    private static void java(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int aOff,
                             int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0f) {
            scale(m, n, beta, c, cOff, ldc);
        } else if (Simd.AVAILABLE) {
            GemmKernelF32.sgemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else {
            GemmScalar.sgemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    private static void java(boolean ta, boolean tb, int m, int n, int k, double alpha, double[] a, int aOff,
                             int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0d) {
            scale(m, n, beta, c, cOff, ldc);
        } else if (Simd.AVAILABLE) {
            GemmKernelF64.dgemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else {
            GemmScalar.dgemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    /** C = beta * C, the whole product when op(A) * op(B) contributes nothing. */
    private static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = row; j < row + n; j++) c[j] = beta == 0f ? 0f : beta * c[j];
        }
    }

    private static void scale(int m, int n, double beta, double[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = row; j < row + n; j++) c[j] = beta == 0d ? 0d : beta * c[j];
        }
    }
}
