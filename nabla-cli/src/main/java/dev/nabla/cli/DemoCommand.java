package dev.nabla.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nabla demo}: a first look at Nabla that needs no data download and no network. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train logistic regression with autograd on the bundled breast cancer data set.")
final class DemoCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--epochs", defaultValue = "20", description = "Passes over the training set (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for the split, the shuffles and the initial weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        LogisticDemo.run(out, epochs, seed);
        out.flush();
    }
}
