package dev.nabla.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nabla bench}: groups the benchmark suites. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run benchmarks.",
        subcommands = {BenchCoreCommand.class, BenchMlCommand.class, BenchTrainCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
