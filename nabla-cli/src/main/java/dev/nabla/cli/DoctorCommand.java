package dev.nabla.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nabla doctor}: the first thing to run when Nabla is slower than expected. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Show the hardware, JDK and settings that decide Nabla's speed on this machine.")
final class DoctorCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Doctor.report().forEach(out::println);
        out.flush();
    }
}
