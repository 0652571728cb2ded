package dev.nabla.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code nabla example NAME}: small end-to-end programs on bundled data; without a name, lists them. */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = "Run a worked example on bundled data (no download). Without NAME, list the examples.")
final class ExampleCommand implements Runnable {
    /** Name to one-line description; the first is what a new user should run. */
    static final Map<String, String> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("tabular", "Wine with a categorical column: ColumnTransformer + classifier pipeline tuned by GridSearchCV");
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The example to run; omit to list them.")
    String name;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for the train/test split and the fold shuffle (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--plots", paramLabel = "DIR", description = "Also write the example's charts (PNG) into DIR.")
    Path plots;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            out.println("Examples (run one with: nabla example NAME):");
            EXAMPLES.forEach((n, d) -> out.printf("  %-10s %s%n", n, d));
            out.flush();
            return;
        }
        switch (name) {
            case "tabular" -> TabularExample.run(out, seed, plots);
            default -> throw new ParameterException(spec.commandLine(), "unknown example '" + name + "'; examples: " + EXAMPLES.keySet());
        }
        out.flush();
    }
}
