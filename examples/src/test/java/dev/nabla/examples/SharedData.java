package dev.nabla.examples;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real datasets in shared/data beside the repository (also found from a git worktree further down). */
final class SharedData {
    private SharedData() {}

    /** The shared/data folder holding sub, or a skipped test saying where it was looked for. */
    static Path rootWith(String sub) {
        Path repoRoot = Path.of("").toAbsolutePath().getParent();
        for (Path dir = repoRoot.getParent(); dir != null; dir = dir.getParent()) {
            Path data = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(data.resolve(sub))) return data;
        }
        assumeTrue(false, "shared/data/" + sub + " not found beside " + repoRoot + " or any folder above it: skipping the example on real data");
        throw new AssertionError("unreachable");
    }
}
