package dev.nabla.bench;

import static dev.nabla.bench.BenchResult.params;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.nn.Losses;
import dev.nabla.nn.optim.Adam;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code nabla bench train}: whole training steps (zeroGrad, forward, cross-entropy, backward, Adam
 * step) of small standard models on synthetic data, in samples per second; then inference of the MLP
 * and the CNN in eval mode without grad: batch-1 latency and batch-256 throughput. These are the
 * numbers users see, so each one includes every per-op overhead the kernels' benchmarks leave out.
 */
public final class TrainBench {
    public static final List<String> MODELS = List.of("mlp", "cnn", "lstm", "transformer");
    static final List<String> INFER_MODELS = List.of("mlp", "cnn");
    private static final int INFER_BATCH = 256;

    /**
     * @param quick   tiny batches and budgets: checks every workload runs, in seconds (numbers are not meaningful)
     * @param threads thread counts to run at (clamped to the pool size, duplicates dropped)
     * @param only    models to run; empty runs them all
     */
    public record Config(boolean quick, int[] threads, Set<String> only) {
        public Config {
            for (String name : only)
                if (!MODELS.contains(name)) throw new IllegalArgumentException("unknown model '" + name + "'; known: " + new TreeSet<>(MODELS));
            only = Set.copyOf(only);
        }

        boolean wants(String model) {
            return only.isEmpty() || only.contains(model);
        }
    }

    private TrainBench() {}

    public static void run(Config config, Consumer<BenchResult> out) {
        int previous = Parallel.threads();
        Measure.Budget budget = config.quick() ? Measure.Budget.quick() : Measure.Budget.training();
        try {
            for (int t : CoreBench.effectiveThreads(config.threads())) {
                Parallel.setThreads(t);
                for (String model : MODELS) if (config.wants(model)) out.accept(train(model, config.quick(), budget, Parallel.threads()));
                for (String model : INFER_MODELS) {
                    if (!config.wants(model)) continue;
                    out.accept(inferLatency(model, config.quick(), budget, Parallel.threads()));
                    out.accept(inferThroughput(model, config.quick(), budget, Parallel.threads()));
                }
            }
        } finally {
            Parallel.setThreads(previous);
        }
    }

    static BenchResult train(String model, boolean quick, Measure.Budget budget, int threads) {
        Nabla.manualSeed(42);
        TrainModels.Workload w = TrainModels.build(model, quick);
        w.net().train();
        Adam adam = new Adam(w.net().parameters(), Adam.Options.defaults());
        double ns = Measure.medianNanos(() -> {
            adam.zeroGrad();
            Tensor loss = Losses.crossEntropy(w.net().forward(w.x()), w.y());
            loss.backward();
            adam.step();
            return loss;
        }, budget);
        return BenchResult.of("train", params("model", model, "batch", w.batch(), "threads", threads), w.batch() * 1e9 / ns, "samples/s");
    }

    static BenchResult inferLatency(String model, boolean quick, Measure.Budget budget, int threads) {
        TrainModels.Workload w = TrainModels.rebatch(evalModel(model, quick), 1);
        double ns = inferNanos(w, budget);
        return BenchResult.of("infer", params("model", model, "batch", 1, "threads", threads), ns / 1e3, "us");
    }

    static BenchResult inferThroughput(String model, boolean quick, Measure.Budget budget, int threads) {
        TrainModels.Workload w = TrainModels.rebatch(evalModel(model, quick), quick ? 8 : INFER_BATCH);
        double ns = inferNanos(w, budget);
        return BenchResult.of("infer", params("model", model, "batch", w.batch(), "threads", threads), w.batch() * 1e9 / ns, "samples/s");
    }

    private static TrainModels.Workload evalModel(String model, boolean quick) {
        Nabla.manualSeed(42);
        TrainModels.Workload w = TrainModels.build(model, quick);
        w.net().eval();
        return w;
    }

    private static double inferNanos(TrainModels.Workload w, Measure.Budget budget) {
        return Measure.medianNanos(() -> {
            try (var g = Nabla.noGrad()) {
                return w.net().forward(w.x());
            }
        }, budget);
    }
}
