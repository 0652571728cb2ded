package dev.nabla.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Times one operation: warm up (so the JIT has compiled the hot paths), size a batch of calls so a
 * timed repetition is long enough for the clock, then take the median over repetitions, which
 * shrugs off a GC pause or a neighbour stealing the core better than the mean does.
 */
public final class Measure {
    /** A call this slow is far past JIT warm-up; its first run counts as a sample. */
    private static final long SLOW_CALL_NANOS = 1_000_000_000L;

    /**
     * How much time to spend.
     *
     * @param warmupNanos   minimum time spent calling the op before timing
     * @param targetRepNanos each timed repetition runs enough calls to last about this long
     * @param reps          repetitions wanted
     * @param maxNanos      stop adding repetitions past this total (after at least 3, or 1 for slow calls)
     */
    public record Budget(long warmupNanos, long targetRepNanos, int reps, long maxNanos) {
        public static Budget full() {
            return new Budget(300_000_000L, 50_000_000L, 7, 4_000_000_000L);
        }

        /**
         * For whole training steps: a step calls each kernel only a few times, so warming up for a
         * few seconds (hundreds of steps for the small models) is what gets them past C2 compilation.
         */
        public static Budget training() {
            return new Budget(3_000_000_000L, 200_000_000L, 7, 6_000_000_000L);
        }

        /** For smoke tests: numbers are noisy but every code path runs. */
        public static Budget quick() {
            return new Budget(2_000_000L, 1_000_000L, 3, 50_000_000L);
        }
    }

    // Results go here so the JIT cannot drop a call whose result is unused.
    @SuppressWarnings("unused")
    private static volatile Object sink;

    private Measure() {}

    /** Median nanoseconds per call of op. */
    public static double medianNanos(Supplier<?> op, Budget budget) {
        long start = System.nanoTime();
        sink = op.get();
        long first = System.nanoTime() - start;
        List<Double> samples = new ArrayList<>();
        double perCall;
        if (first >= SLOW_CALL_NANOS) {
            samples.add((double) first);
            perCall = first;
        } else {
            long w0 = System.nanoTime();
            int calls = 0;
            do {
                sink = op.get();
                calls++;
            } while (System.nanoTime() - w0 < budget.warmupNanos());
            perCall = (System.nanoTime() - w0) / (double) calls;
        }
        int batch = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(budget.targetRepNanos() / Math.max(1.0, perCall))));
        int minSamples = perCall >= SLOW_CALL_NANOS ? 1 : Math.min(3, budget.reps());
        while (samples.size() < budget.reps()) {
            if (samples.size() >= minSamples && System.nanoTime() - start > budget.maxNanos()) break;
            long t0 = System.nanoTime();
            for (int i = 0; i < batch; i++) sink = op.get();
            samples.add((System.nanoTime() - t0) / (double) batch);
        }
        return median(samples);
    }

    static double median(List<Double> samples) {
        double[] s = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
