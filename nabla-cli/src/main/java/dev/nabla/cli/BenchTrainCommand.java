package dev.nabla.cli;

import dev.nabla.bench.BenchResult;
import dev.nabla.bench.ResultTable;
import dev.nabla.bench.TrainBench;
import dev.nabla.cpu.Parallel;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code nabla bench train}: whole training steps and inference of small models (see docs/benchmarks.md). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Training-step throughput of mlp, cnn, lstm, transformer; inference latency and throughput of mlp and cnn.")
final class BenchTrainCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per line (the format tracked over time).")
    boolean json;

    @Option(names = "--quick", description = "Tiny batches and budgets: checks everything runs, in seconds; the numbers mean little.")
    boolean quick;

    @Option(names = "--threads", split = ",", defaultValue = "2", paramLabel = "N",
            description = "Thread counts to run at (default: ${DEFAULT-VALUE}).")
    int[] threads;

    @Option(names = "--only", split = ",", paramLabel = "MODEL", description = "Run only these models: mlp, cnn, lstm, transformer.")
    Set<String> only = Set.of();

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        TrainBench.Config config;
        try {
            config = new TrainBench.Config(quick, threads, only);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!json) {
            out.println("nabla bench train" + (quick ? " --quick (sizes reduced, numbers not comparable)" : "")
                    + "; pool " + Parallel.maxThreads() + " threads; median of timed repetitions after warm-up");
            out.println(ResultTable.header());
            out.flush();
        }
        TrainBench.run(config, (BenchResult r) -> {
            out.println(json ? r.toJson() : ResultTable.row(r));
            out.flush();
        });
    }
}
