package dev.nabla.cli;

import dev.nabla.bench.ResultTable;
import dev.nabla.bench.ml.MlBench;
import dev.nabla.cpu.Parallel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code nabla bench ml}: fit times and held-out scores of the classical estimators (see docs/benchmarks.md). */
@Command(name = "ml", mixinStandardHelpOptions = true,
        description = "Fit time and score of classical ML estimators on seeded synthetic data (or the .npy files of --data).")
final class BenchMlCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per line (the format tracked over time).")
    boolean json;

    @Option(names = "--quick", description = "Rows divided by 100: checks every workload runs, in seconds; the numbers mean little.")
    boolean quick;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the fits (default: the pool size, NABLA_NUM_THREADS).")
    Integer threads;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Read DIR/<workload>/{X_train,y_train,X_test,y_test}.npy instead of generating (bench/reference_ml.py make-data writes them).")
    Path data;

    @Option(names = "--only", split = ",", paramLabel = "WORKLOAD",
            description = "Run only these: logistic, random_forest, hist_gradient_boosting, kmeans, pca, knn, ridge.")
    Set<String> only = Set.of();

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        MlBench.Config config;
        try {
            config = new MlBench.Config(data, quick, only);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        int previous = Parallel.threads();
        if (threads != null) {
            if (threads < 1) throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
            Parallel.setThreads(threads);
        }
        try {
            if (!json) {
                out.println("nabla bench ml" + (quick ? " --quick (sizes reduced, numbers not comparable)" : "") + "; " + Parallel.threads()
                        + " threads; one timed fit after a warm-up fit on a tenth of the rows");
                out.println(ResultTable.header() + "  score");
                out.flush();
            }
            MlBench.run(config, r -> {
                out.println(json ? r.toJson() : ResultTable.row(r.result()) + (Double.isNaN(r.score()) ? "" : String.format(Locale.ROOT, "  %.4f", r.score())));
                out.flush();
            });
        } finally {
            Parallel.setThreads(previous);
        }
    }
}
