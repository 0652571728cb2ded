package dev.nabla.cli;

import dev.nabla.bench.BenchResult;
import dev.nabla.bench.CoreBench;
import dev.nabla.bench.ResultTable;
import dev.nabla.cpu.Parallel;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code nabla bench core}: kernel throughput and per-op overhead (see docs/benchmarks.md). */
@Command(name = "core", mixinStandardHelpOptions = true,
        description = "GEMM, elementwise, softmax, conv2d throughput and per-op overhead.")
final class BenchCoreCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per line (the format tracked over time).")
    boolean json;

    @Option(names = "--quick", description = "Tiny sizes and budgets: checks everything runs, in seconds; the numbers mean little.")
    boolean quick;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", paramLabel = "N",
            description = "Thread counts for the parallel kernels (default: ${DEFAULT-VALUE}).")
    int[] threads;

    @Option(names = "--only", split = ",", paramLabel = "BENCH",
            description = "Run only these benches: sgemm, elementwise, softmax, conv2d, op_overhead, linear_fwd_bwd.")
    java.util.Set<String> only = java.util.Set.of();

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        CoreBench.Config config;
        try {
            config = new CoreBench.Config(quick, threads, only);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!json) {
            out.println("nabla bench core" + (quick ? " --quick (sizes reduced, numbers not comparable)" : "")
                    + "; pool " + Parallel.maxThreads() + " threads; median of timed repetitions after warm-up");
            out.println(ResultTable.header());
            out.flush();
        }
        CoreBench.run(config, (BenchResult r) -> {
            out.println(json ? r.toJson() : ResultTable.row(r));
            out.flush();
        });
    }
}
