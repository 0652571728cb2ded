package dev.nabla.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GemmTest {
    private static final int[] SIZES = {1, 7, 17, 33, 100, 257};
    /** Shapes that cross the blocking boundaries: several KC and NC blocks, thin and tall. */
    private static final int[][] BLOCK_SHAPES = {{9, 4100, 20}, {70, 40, 800}, {200, 300, 390}, {3, 500, 600},
            {600, 3, 70}, {16, 16, 16}, {64, 64, 64}};

    @FunctionalInterface
    interface SgemmImpl {
        void run(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                 float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc);
    }

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Parallel.maxThreads());
    }

    @ParameterizedTest(name = "transA={0} transB={1} threads={2}")
    @CsvSource({"false,false,1", "false,true,1", "true,false,1", "true,true,1",
                "false,false,2", "false,true,2", "true,false,2", "true,true,2"})
    void sgemmMatchesNaiveProductForManyShapes(boolean ta, boolean tb, int threads) {
        Parallel.setThreads(threads);
        Random rnd = new Random(42 + threads);
        for (int m : SIZES) for (int n : SIZES) for (int k : SIZES) {
            checkF32(Gemm::sgemmJava, rnd, ta, tb, m, n, k, 1f, 0f, 0, 0);
        }
        for (int[] s : BLOCK_SHAPES) checkF32(Gemm::sgemmJava, rnd, ta, tb, s[0], s[1], s[2], 1f, 0f, 0, 0);
    }

    @ParameterizedTest(name = "alpha={0} beta={1} transA={2} transB={3}")
    @CsvSource({"0.5,2,false,false", "-1.5,1,true,false", "2,-0.5,false,true", "1,1,true,true",
                "0,0.5,false,false", "0,0,true,true", "0.25,0,true,false"})
    void sgemmHonoursAlphaBetaOffsetsAndLeadingDimensions(float alpha, float beta, boolean ta, boolean tb) {
        Random rnd = new Random(7);
        for (int threads = 1; threads <= 2; threads++) {
            Parallel.setThreads(threads);
            for (int[] s : new int[][] {{5, 9, 3}, {33, 17, 100}, {100, 257, 33}, {130, 70, 400}}) {
                checkF32(Gemm::sgemmJava, rnd, ta, tb, s[0], s[1], s[2], alpha, beta, 3, 5);
            }
        }
    }

    @Test
    void betaZeroIgnoresNaNInC() {
        for (int size : new int[] {4, 40, 130}) {
            float[] a = filled(size * size, 1f), b = filled(size * size, 2f), c = filled(size * size, Float.NaN);
            Gemm.sgemmJava(false, false, size, size, size, 1f, a, 0, size, b, 0, size, 0f, c, 0, size);
            for (float v : c) assertEquals(2f * size, v, 0f);
            float[] c0 = filled(size * size, Float.NaN);
            Gemm.sgemmJava(false, false, size, size, 0, 1f, a, 0, size, b, 0, size, 0f, c0, 0, size);
            for (float v : c0) assertEquals(0f, v, 0f);
        }
    }

    @Test
    void emptyShapesAreNoOpsOrScaling() {
        float[] c = {1, 2, 3, 4};
        Gemm.sgemmJava(false, false, 0, 2, 2, 1f, new float[0], 0, 2, new float[4], 0, 2, 0f, c, 0, 2);
        Gemm.sgemmJava(false, false, 2, 0, 2, 1f, new float[4], 0, 2, new float[0], 0, 1, 0f, c, 0, 1);
        assertEquals(1f, c[0]);
        Gemm.sgemmJava(false, false, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 3f, c, 0, 2);
        assertEquals(12f, c[3]);
    }

    @ParameterizedTest(name = "threads={0}")
    @CsvSource({"1", "2"})
    void dgemmMatchesNaiveProduct(int threads) {
        Parallel.setThreads(threads);
        Random rnd = new Random(3);
        for (boolean ta : new boolean[] {false, true}) for (boolean tb : new boolean[] {false, true}) {
            for (int m : new int[] {1, 17, 100}) for (int n : new int[] {7, 33, 257}) for (int k : new int[] {1, 33, 300}) {
                checkF64(rnd, ta, tb, m, n, k, 1.0, 0.0, 0, 0);
            }
            checkF64(rnd, ta, tb, 130, 70, 600, -0.75, 1.5, 2, 3);
            checkF64(rnd, ta, tb, 9, 4100, 20, 2.0, 0.5, 1, 0);
        }
    }

    @Test
    void nativeMatchesJava() {
        assumeTrue(Gemm.nativeAvailable(), Gemm.nativeStatus());
        Random rnd = new Random(11);
        for (boolean ta : new boolean[] {false, true}) for (boolean tb : new boolean[] {false, true}) {
            for (int[] s : new int[][] {{1, 1, 1}, {7, 17, 33}, {100, 257, 64}, {257, 100, 300}}) {
                checkF32(Gemm::sgemmNative, rnd, ta, tb, s[0], s[1], s[2], 1f, 0f, 0, 0);
                checkF32(Gemm::sgemmNative, rnd, ta, tb, s[0], s[1], s[2], -0.5f, 2f, 3, 5);
                checkF64(rnd, ta, tb, s[0], s[1], s[2], 1.0, 0.0, 0, 0);
            }
        }
        float[] c = filled(4, Float.NaN);
        Gemm.sgemmNative(false, false, 2, 2, 2, 1f, filled(4, 1f), 0, 2, filled(4, 1f), 0, 2, 0f, c, 0, 2);
        for (float v : c) assertEquals(2f, v, 0f);
    }

    @Test
    void statusAndImplementationAreOneLine() {
        assertFalse(Gemm.nativeStatus().isBlank());
        assertFalse(Gemm.nativeStatus().contains("\n"));
        String impl = Gemm.implementation();
        assertTrue(impl.startsWith("java (") || impl.startsWith("native ("), impl);
    }

    @Test
    void rejectsBadArgumentsNamingTheValues() {
        float[] x = new float[16];
        assertMessage(() -> Gemm.sgemm(false, false, -1, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2), "sgemm", "m=-1");
        assertMessage(() -> Gemm.sgemm(false, false, 2, 4, 3, 1f, x, 0, 2, x, 0, 4, 0f, x, 0, 4), "sgemm", "lda=2");
        assertMessage(() -> Gemm.sgemm(true, false, 4, 2, 3, 1f, x, 0, 3, x, 0, 2, 0f, x, 0, 2), "sgemm", "lda=3");
        assertMessage(() -> Gemm.sgemm(false, false, 2, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 1), "sgemm", "ldc=1");
        assertMessage(() -> Gemm.sgemm(false, false, 4, 4, 4, 1f, x, 1, 4, x, 0, 4, 0f, x, 0, 4), "sgemm", "17");
        assertMessage(() -> Gemm.sgemm(false, false, 2, 2, 2, 1f, x, -1, 2, x, 0, 2, 0f, x, 0, 2), "sgemm", "-1");
        assertMessage(() -> Gemm.sgemm(false, false, 2, 2, 2, 1f, null, 0, 2, x, 0, 2, 0f, x, 0, 2), "sgemm", "null");
        double[] d = new double[4];
        assertMessage(() -> Gemm.dgemm(false, true, 2, 3, 2, 1, d, 0, 2, d, 0, 2, 0, d, 0, 3), "dgemm", "needs 6");
    }

    private static void assertMessage(Runnable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        for (String part : parts) assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    /**
     * Runs impl on random operands laid out with the given offset and leading-dimension padding,
     * NaN in every padding slot (a read outside op(A)/op(B) would poison the result), and compares
     * with a double-precision triple loop. Padding of C must come back untouched.
     */
    private static void checkF32(SgemmImpl impl, Random rnd, boolean ta, boolean tb, int m, int n, int k,
                                 float alpha, float beta, int off, int pad) {
        int ar = ta ? k : m, ac = ta ? m : k, br = tb ? n : k, bc = tb ? k : n;
        int lda = Math.max(1, ac + pad), ldb = Math.max(1, bc + pad), ldc = Math.max(1, n + pad);
        float[] a = randomMatrix(rnd, off, ar, ac, lda), b = randomMatrix(rnd, off, br, bc, ldb);
        float[] c = randomMatrix(rnd, off, m, n, ldc);
        if (beta == 0f) for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) c[off + i * ldc + j] = Float.NaN;
        float[] before = c.clone();
        impl.run(ta, tb, m, n, k, alpha, a, off, lda, b, off, ldb, beta, c, off, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0, bound = 0;
                for (int p = 0; p < k; p++) {
                    double x = ta ? a[off + p * lda + i] : a[off + i * lda + p];
                    double y = tb ? b[off + j * ldb + p] : b[off + p * ldb + j];
                    sum += x * y;
                    bound += Math.abs(x * y);
                }
                double old = before[off + i * ldc + j];
                double want = alpha * sum + (beta == 0f ? 0 : beta * old);
                double tol = (k + 4) * 1.2e-7 * (Math.abs(alpha) * bound + (beta == 0f ? 0 : Math.abs(beta * old)));
                float got = c[off + i * ldc + j];
                if (!(Math.abs(got - want) <= tol + 1e-30)) {
                    fail(String.format("sgemm ta=%b tb=%b m=%d n=%d k=%d alpha=%s beta=%s: C[%d,%d]=%s, want %s",
                            ta, tb, m, n, k, alpha, beta, i, j, got, want));
                }
                c[off + i * ldc + j] = before[off + i * ldc + j];
            }
        }
        for (int x = 0; x < c.length; x++) {
            if (Float.floatToRawIntBits(c[x]) != Float.floatToRawIntBits(before[x])) {
                fail("sgemm m=" + m + " n=" + n + " k=" + k + " wrote outside C at index " + x);
            }
        }
    }

    private static void checkF64(Random rnd, boolean ta, boolean tb, int m, int n, int k, double alpha,
                                 double beta, int off, int pad) {
        int ar = ta ? k : m, ac = ta ? m : k, br = tb ? n : k, bc = tb ? k : n;
        int lda = ac + pad, ldb = bc + pad, ldc = n + pad;
        double[] a = randomDoubles(rnd, off + ar * lda), b = randomDoubles(rnd, off + br * ldb);
        double[] c = randomDoubles(rnd, off + m * ldc), before = c.clone();
        double[] viaJava = c.clone();
        Gemm.dgemmJava(ta, tb, m, n, k, alpha, a, off, lda, b, off, ldb, beta, viaJava, off, ldc);
        double[] viaNative = null;
        if (Gemm.nativeAvailable()) {
            viaNative = c.clone();
            Gemm.dgemmNative(ta, tb, m, n, k, alpha, a, off, lda, b, off, ldb, beta, viaNative, off, ldc);
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0, bound = 0;
                for (int p = 0; p < k; p++) {
                    double x = ta ? a[off + p * lda + i] : a[off + i * lda + p];
                    double y = tb ? b[off + j * ldb + p] : b[off + p * ldb + j];
                    sum += x * y;
                    bound += Math.abs(x * y);
                }
                int at = off + i * ldc + j;
                double want = alpha * sum + beta * before[at];
                double tol = (k + 4) * 2.3e-16 * (Math.abs(alpha) * bound + Math.abs(beta * before[at]));
                assertEquals(want, viaJava[at], tol, "dgemm java C[" + i + "," + j + "] m=" + m + " n=" + n + " k=" + k);
                if (viaNative != null) assertEquals(want, viaNative[at], tol, "dgemm native C[" + i + "," + j + "]");
            }
        }
    }

    private static float[] randomMatrix(Random rnd, int off, int rows, int cols, int ld) {
        float[] x = filled(off + Math.max(0, rows - 1) * ld + (rows > 0 ? ld : 0) + 2, Float.NaN);
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) x[off + i * ld + j] = rnd.nextFloat() * 2 - 1;
        return x;
    }

    private static double[] randomDoubles(Random rnd, int size) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) x[i] = rnd.nextDouble() * 2 - 1;
        return x;
    }

    private static float[] filled(int size, float value) {
        float[] x = new float[size];
        java.util.Arrays.fill(x, value);
        return x;
    }
}
