package dev.nabla.bench;

import dev.nabla.cpu.Gemm;
import dev.nabla.cpu.Parallel;
import java.util.Arrays;
import java.util.Random;

/**
 * Square sgemm throughput of the Java kernels and the system BLAS, measured in one process so the
 * two are compared under the same machine load. Run without arguments for the standard table, or
 * pass sizes: {@code SgemmBench 256 1024}.
 */
public final class SgemmBench {
    private static final int REPS = 7;
    private static final long WARMUP_NANOS = 1_500_000_000L;
    private static final long REP_NANOS = 40_000_000L;

    private SgemmBench() {}

    /**
     * GFLOP/s (2 n^3 flops per call) of an n x n x n sgemm on {@code threads} threads, median of
     * several timed repetitions after warm-up. Throws IllegalStateException for the native path
     * when no system BLAS is available.
     */
    public static double gflops(int n, int threads, boolean nativeImpl) {
        return gflops(n, threads, nativeImpl, WARMUP_NANOS);
    }

    /** As {@link #gflops(int, int, boolean)} with a chosen warm-up time (quick smoke runs use a short one). */
    public static double gflops(int n, int threads, boolean nativeImpl, long warmupNanos) {
        Random rnd = new Random(n);
        float[] a = new float[n * n], b = new float[n * n], c = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextFloat() - 0.5f;
            b[i] = rnd.nextFloat() - 0.5f;
        }
        Runnable call = nativeImpl
                ? () -> Gemm.sgemmNative(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n)
                : () -> Gemm.sgemmJava(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
        int before = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            // The Vector API is only fast once C2 has compiled the kernels; before that a product can
            // run 20x slower, so warm up by time, then size the repetitions from warm calls.
            long start = System.nanoTime();
            int calls = 0;
            while (calls < 5 || System.nanoTime() - start < warmupNanos) {
                call.run();
                calls++;
            }
            long warm = System.nanoTime();
            for (int i = 0; i < 3; i++) call.run();
            double perCall = (System.nanoTime() - warm) / 3.0;
            int inner = (int) Math.max(1, REP_NANOS / perCall);
            double[] seconds = new double[REPS];
            for (int r = 0; r < REPS; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < inner; i++) call.run();
                seconds[r] = (System.nanoTime() - t0) / 1e9 / inner;
            }
            Arrays.sort(seconds);
            return 2.0 * n * n * n / seconds[REPS / 2] / 1e9;
        } finally {
            Parallel.setThreads(before);
        }
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {256, 512, 1024, 2048}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        boolean nativeToo = Gemm.nativeAvailable();
        System.out.println("sgemm GFLOP/s; java = " + javaName() + "; " + Gemm.nativeStatus());
        System.out.printf("%6s %4s %10s %10s %8s%n", "n", "thr", "java", "native", "ratio");
        for (int n : sizes) {
            for (int threads = 1; threads <= Math.min(2, Parallel.maxThreads()); threads++) {
                double java = gflops(n, threads, false);
                if (nativeToo) {
                    double nat = gflops(n, threads, true);
                    System.out.printf("%6d %4d %10.1f %10.1f %8.3f%n", n, threads, java, nat, java / nat);
                } else {
                    System.out.printf("%6d %4d %10.1f %10s %8s%n", n, threads, java, "-", "-");
                }
            }
        }
    }

    private static String javaName() {
        String impl = Gemm.implementation();
        return impl.startsWith("java") ? impl : "java kernels (sgemm default is " + impl + ")";
    }
}
