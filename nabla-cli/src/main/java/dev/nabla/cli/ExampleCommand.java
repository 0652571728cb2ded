package dev.nabla.cli;

import dev.nabla.data.DataHome;
import dev.nabla.examples.ExampleOptions;
import dev.nabla.examples.Examples;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nabla example NAME}: runs one of the registered examples ({@link Examples}); without a name, lists them. */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = "Run an example training program; it ends with one JSON line of final metrics. --list (or no NAME) lists them.")
final class ExampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The example to run.")
    String name;

    @Option(names = "--list", description = "List the examples.")
    boolean list;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder holding mnist/ and fashion-mnist/ (default: $NABLA_DATA, else ~/.nabla/datasets); nothing is downloaded.")
    Path data;

    @Option(names = "--plots", paramLabel = "DIR", description = "Also write the example's charts (PNG) into DIR (tabular draws a confusion matrix).")
    Path plots;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "0", description = "Passes over the training set (default: the example's own).")
    int epochs;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Use only the first N training and N test samples, for a quick run (default: all).")
    int limit;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for the weights, shuffles, splits and folds (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (list || name == null) {
            out.println("Examples (run one with: nabla example NAME [--data DIR] [--epochs N] [--limit N]):");
            Examples.all().values().forEach(e -> out.printf("  %-12s %s%n", e.name(), e.description()));
            out.flush();
            return 0;
        }
        var entry = Examples.all().get(name);
        if (entry == null) throw new ParameterException(spec.commandLine(), "unknown example '" + name + "'; examples: " + Examples.all().keySet());
        if (epochs < 0 || limit < 0) throw new ParameterException(spec.commandLine(), "--epochs and --limit must be >= 0");
        var options = new ExampleOptions(data != null ? data : DataHome.root(), plots, epochs, limit, seed, Output.over(out), Output.interactive());
        try {
            entry.program().run(options);
            return 0;
        } catch (IOException e) {
            // Almost always the data folder: say which option points at it.
            spec.commandLine().getErr().println("nabla example " + name + ": " + e.getMessage()
                    + "\n  (--data DIR names the folder that holds mnist/ and fashion-mnist/)");
            return 1;
        }
    }
}
