package dev.nabla.bench;

import dev.nabla.Nabla;
import dev.nabla.cpu.Parallel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code nabla bench core}: GEMM, elementwise, softmax and conv2d throughput at each thread count,
 * then the fixed per-op costs (dispatch, autograd bookkeeping) that dominate small models. Results
 * are streamed to the consumer as they are measured, so a long run shows progress.
 */
public final class CoreBench {
    /**
     * @param quick   tiny sizes and budgets: checks that every workload runs, in seconds (numbers are not meaningful)
     * @param threads thread counts to measure the parallel kernels at (clamped to the pool size, duplicates dropped)
     */
    public record Config(boolean quick, int[] threads) {
        public static Config standard() {
            return new Config(false, new int[] {1, 2});
        }

        public static Config quickRun() {
            return new Config(true, new int[] {1, 2});
        }

        Measure.Budget budget() {
            return quick ? Measure.Budget.quick() : Measure.Budget.full();
        }
    }

    private CoreBench() {}

    public static void run(Config config, Consumer<BenchResult> out) {
        Nabla.manualSeed(42);
        int previous = Parallel.threads();
        Measure.Budget budget = config.budget();
        try {
            for (int t : effectiveThreads(config.threads())) {
                Parallel.setThreads(t);
                KernelBenches k = new KernelBenches(budget, Parallel.threads());
                for (int n : config.quick() ? new int[] {64, 128} : new int[] {256, 512, 1024, 2048}) out.accept(k.sgemm(n));
                for (int n : config.quick() ? new int[] {1 << 16} : new int[] {1 << 20, 1 << 24}) {
                    out.accept(k.elementwiseAdd(n));
                    out.accept(k.elementwiseExp(n));
                }
                out.accept(config.quick() ? k.softmax(256, 1024) : k.softmax(4096, 1024));
                out.accept(config.quick() ? k.conv2d(4, 3, 32, 32, 3, 1) : k.conv2d(64, 3, 32, 32, 3, 1));
            }
            // Per-op overheads are single-threaded by nature (a 1-element op never splits).
            Parallel.setThreads(1);
            out.accept(OverheadBenches.addOverhead(budget, false));
            out.accept(OverheadBenches.addOverhead(budget, true));
            out.accept(OverheadBenches.linearForwardBackward(budget, 16, 16, 1));
        } finally {
            Parallel.setThreads(previous);
        }
    }

    /** Collects the results instead of streaming them. */
    public static List<BenchResult> runAll(Config config) {
        List<BenchResult> results = new ArrayList<>();
        run(config, results::add);
        return results;
    }

    /** The thread counts this JVM can actually use, in order, without duplicates. */
    static int[] effectiveThreads(int[] requested) {
        Set<Integer> s = new LinkedHashSet<>();
        for (int t : requested) {
            if (t < 1) throw new IllegalArgumentException("thread counts must be >= 1, got " + t);
            s.add(Math.min(t, Parallel.maxThreads()));
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }
}
