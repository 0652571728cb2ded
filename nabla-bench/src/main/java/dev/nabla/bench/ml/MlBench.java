package dev.nabla.bench.ml;

import dev.nabla.Tensor;
import dev.nabla.bench.BenchResult;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.selection.Split;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * {@code nabla bench ml}: wall-clock seconds of one fit per classical-ML workload, at one thread count,
 * each with its held-out score. A fit of seconds needs no repetition to beat the clock; warm-up fits on a
 * tenth of the rows (at least 3, and for at least 1 s) let the JIT compile the kernels first, so the
 * timed fit measures compiled code, as scikit-learn's is: after a single warm-up fit, the optimising
 * compiler was still busy during a 50 ms timed fit. The first fit in a fresh JVM is slower (see
 * docs/benchmarks.md).
 */
public final class MlBench {
    private static final int MIN_WARMUP_FITS = 3, MAX_WARMUP_FITS = 50;
    private static final long WARMUP_NANOS = 1_000_000_000L; // as JMH, warm up for a time, not a count: a fast fit needs many

    /**
     * @param data    folder of .npy files written by bench/reference_ml.py, or null for the built-in generators
     * @param quick   rows divided by 100: checks that every workload runs, in seconds
     * @param only    workload names to run; empty runs them all
     */
    public record Config(Path data, boolean quick, Set<String> only) {
        public Config {
            Set<String> known = new TreeSet<>(MlWorkload.ALL.stream().map(MlWorkload::name).toList());
            for (String name : only)
                if (!known.contains(name)) throw new IllegalArgumentException("unknown ml workload '" + name + "'; known: " + known);
            only = Set.copyOf(only);
        }
    }

    private MlBench() {}

    public static void run(Config config, Consumer<MlResult> out) {
        for (MlWorkload w : MlWorkload.ALL) {
            if (!config.only().isEmpty() && !config.only().contains(w.name())) continue;
            MlWorkload sized = config.quick() ? w.shrunk(100) : w;
            Map<String, Object> params = BenchResult.params("estimator", w.estimator(), "rows", sized.rows(), "cols", sized.cols(),
                    "threads", Parallel.threads());
            Optional<MlFit> fit = MlRegistry.lookup(w.name());
            if (fit.isEmpty()) {
                out.accept(new MlResult(BenchResult.failed("ml", params, "s", "not available in this build"), Double.NaN));
                continue;
            }
            MlData data = data(config, sized);
            if (data.xTrain().size(0) != sized.rows() || data.xTrain().size(1) != sized.cols()) {
                params.put("rows", data.xTrain().size(0));
                params.put("cols", data.xTrain().size(1));
            }
            MlData warmup = warmupSlice(data);
            long warmStart = System.nanoTime(), warmFor = config.quick() ? 0 : WARMUP_NANOS; // --quick only checks that workloads run
            for (int i = 0; i < MAX_WARMUP_FITS && (i < MIN_WARMUP_FITS || System.nanoTime() - warmStart < warmFor); i++) fit.get().run(warmup);
            System.gc(); // the timed fit starts on an empty young generation: collecting the loader's garbage is not the fit's cost
            MlFit.Outcome o = fit.get().run(data);
            out.accept(new MlResult(BenchResult.of("ml", params, o.seconds(), "s"), o.score()));
        }
    }

    private static MlData data(Config config, MlWorkload w) {
        if (config.data() == null) return w.generate();
        try {
            return w.load(config.data());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first tenth of the train and test rows (at least 100 and 20). */
    private static MlData warmupSlice(MlData d) {
        return new MlData(head(d.xTrain(), 100), head(d.yTrain(), 100), head(d.xTest(), 20), head(d.yTest(), 20));
    }

    private static Tensor head(Tensor t, int min) {
        if (t == null) return null;
        int n = Math.min(t.size(0), Math.max(min, t.size(0) / 10));
        return Split.rows(t, IntStream.range(0, n).toArray());
    }
}
