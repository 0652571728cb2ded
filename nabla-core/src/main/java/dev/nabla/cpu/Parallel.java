package dev.nabla.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * The one shared pool of worker threads. Every parallel kernel goes through {@link #forRange}, which
 * splits a range only when each piece gets at least {@code grain} units of work, so small tensors
 * stay on the calling thread and never pay for a hand-off.
 */
public final class Parallel {
    /** A body over the half-open range [start, end). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int start, int end);
    }

    private static final int THREADS = configuredThreads();
    private static final ForkJoinPool POOL = THREADS > 1 ? new ForkJoinPool(THREADS) : null;
    private static volatile int limit = THREADS;

    private Parallel() {}

    private static int configuredThreads() {
        String env = System.getenv("NABLA_NUM_THREADS");
        String prop = System.getProperty("nabla.threads", env);
        int cores = Runtime.getRuntime().availableProcessors();
        if (prop == null || prop.isBlank()) return cores;
        try {
            int n = Integer.parseInt(prop.trim());
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("NABLA_NUM_THREADS must be a positive integer, got '" + prop + "'");
        }
    }

    /** Worker threads kernels may use now (at most the configured count). */
    public static int threads() {
        return limit;
    }

    /** The configured pool size (NABLA_NUM_THREADS, default: available processors). */
    public static int maxThreads() {
        return THREADS;
    }

    /**
     * Limits kernels to {@code n} threads (1 = single-threaded) until changed again; benchmarks use it
     * to measure 1- and 2-thread figures in one process. Values above the pool size are clamped.
     */
    public static void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("setThreads: need at least 1 thread, got " + n);
        limit = Math.min(n, THREADS);
    }

    /** Runs body over [0, n) split into at most threads() pieces of at least grain units each. */
    public static void forRange(int n, int grain, RangeBody body) {
        int pieces = Math.min(limit, Math.max(1, n / Math.max(1, grain)));
        if (pieces <= 1 || POOL == null || inParallelRegion()) {
            if (n > 0) body.run(0, n);
            return;
        }
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[pieces - 1];
        for (int p = 1; p < pieces; p++) {
            int s = (int) ((long) n * p / pieces), e = (int) ((long) n * (p + 1) / pieces);
            tasks[p - 1] = POOL.submit(new Piece(body, s, e));
        }
        IN_REGION.set(Boolean.TRUE);
        try {
            body.run(0, (int) ((long) n / pieces));
        } finally {
            IN_REGION.remove();
        }
        for (ForkJoinTask<?> t : tasks) awaitDone(t);
    }

    private static final ThreadLocal<Boolean> IN_REGION = new ThreadLocal<>();

    /**
     * Runs body on the calling thread as one piece of a parallel region, whatever the thread count:
     * the kernels inside run single-threaded on the Java path, exactly as they do inside a pool piece.
     * Work that is itself spread over the pool (model selection's fits) uses it so each unit computes
     * the same bits at 1 thread as at 16.
     */
    public static void serial(Runnable body) {
        if (IN_REGION.get() != null) {
            body.run();
            return;
        }
        IN_REGION.set(Boolean.TRUE);
        try {
            body.run();
        } finally {
            IN_REGION.remove();
        }
    }

    /**
     * True while this thread runs one piece of a parallel range (pool workers and the caller alike).
     * Kernels that could start threads of their own, such as a native BLAS, stay single-threaded then.
     */
    public static boolean inParallelRegion() {
        return ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == POOL || IN_REGION.get() != null;
    }

    /**
     * Spins briefly before blocking: pieces usually finish within microseconds of the caller's own, and
     * a park/unpark round trip (~20 us) would cost as much as a 256^3 matrix product on two threads.
     */
    private static void awaitDone(ForkJoinTask<?> t) {
        long deadline = System.nanoTime() + SPIN_NANOS;
        while (!t.isDone() && System.nanoTime() < deadline) Thread.onSpinWait();
        t.join();
    }

    private static final long SPIN_NANOS = 200_000;

    private static final class Piece extends RecursiveAction {
        private final RangeBody body;
        private final int start, end;

        Piece(RangeBody body, int start, int end) {
            this.body = body;
            this.start = start;
            this.end = end;
        }

        @Override
        protected void compute() {
            body.run(start, end);
        }
    }
}
