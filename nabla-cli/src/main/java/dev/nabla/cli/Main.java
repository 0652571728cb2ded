package dev.nabla.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code nabla} command. Each subcommand lives in its own small class. */
@Command(name = "nabla", mixinStandardHelpOptions = true, version = "nabla 0.1.0-SNAPSHOT",
        description = "Nabla: tensors, autograd and fast CPU kernels for the JVM.",
        subcommands = {DemoCommand.class, ExampleCommand.class, DoctorCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call execute on it with their own output writers. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
