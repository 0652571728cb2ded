package dev.nabla.bench;

import dev.nabla.Nabla;
import dev.nabla.cpu.Parallel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
     * @param only    bench names to run (e.g. "sgemm", "elementwise"); empty runs them all
     */
    public record Config(boolean quick, int[] threads, Set<String> only) {
        public static final Set<String> NAMES = Set.of("sgemm", "elementwise", "softmax", "conv2d", "op_overhead", "linear_fwd_bwd");

        public Config {
            for (String name : only)
                if (!NAMES.contains(name)) throw new IllegalArgumentException("unknown bench '" + name + "'; known: " + new TreeSet<>(NAMES));
            only = Set.copyOf(only);
        }

        public static Config standard() {
            return new Config(false, new int[] {1, 2}, Set.of());
        }

        public static Config quickRun() {
            return new Config(true, new int[] {1, 2}, Set.of());
        }

        boolean wants(String bench) {
            return only.isEmpty() || only.contains(bench);
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
        boolean q = config.quick();
        try {
            if (!q) JitWarmup.run();
            for (int t : effectiveThreads(config.threads())) {
                Parallel.setThreads(t);
                KernelBenches k = new KernelBenches(budget, Parallel.threads());
                if (config.wants("sgemm"))
                    for (int n : q ? new int[] {64, 128} : new int[] {256, 512, 1024, 2048}) k.sgemm(n, q).forEach(out);
                if (config.wants("elementwise"))
                    for (int n : q ? new int[] {1 << 16} : new int[] {1 << 20, 1 << 24}) {
                        out.accept(k.elementwiseAdd(n));
                        out.accept(k.elementwiseExp(n));
                    }
                if (config.wants("softmax")) out.accept(q ? k.softmax(256, 1024) : k.softmax(4096, 1024));
                if (config.wants("conv2d")) out.accept(q ? k.conv2d(4, 3, 32, 32, 3, 1) : k.conv2d(64, 3, 32, 32, 3, 1));
            }
            // Per-op overheads are single-threaded by nature (a 1-element op never splits).
            Parallel.setThreads(1);
            if (config.wants("op_overhead")) {
                out.accept(OverheadBenches.addOverhead(budget, false));
                out.accept(OverheadBenches.addOverhead(budget, true));
            }
            if (config.wants("linear_fwd_bwd")) out.accept(OverheadBenches.linearForwardBackward(budget, 16, 16, 1));
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
