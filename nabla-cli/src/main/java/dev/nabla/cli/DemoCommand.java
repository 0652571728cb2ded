package dev.nabla.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nabla demo}: a first look at Nabla that needs no data download and no network. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train a small conv net on the bundled 8x8 digits, save it as safetensors, reload it and show predictions.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--epochs", defaultValue = "15", description = "Passes over the training set (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for the split, the shuffles and the initial weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the saved model (default: a new temporary folder).")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter writer = spec.commandLine().getOut();
        Path dir = out != null ? out : Files.createTempDirectory("nabla-demo");
        Demo.run(Output.over(writer), Output.interactive(), epochs, seed, dir);
        writer.flush();
        return 0;
    }
}
