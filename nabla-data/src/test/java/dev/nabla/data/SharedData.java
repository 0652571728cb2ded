package dev.nabla.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real datasets in shared/data beside the repository (also found from a git worktree further down). */
final class SharedData {
    private SharedData() {}

    /** shared/data/sub, or a skipped test with a message saying where it was looked for. */
    static Path require(String sub) {
        Path repoRoot = Path.of("").toAbsolutePath().getParent();
        for (Path dir = repoRoot.getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(sub);
            if (Files.isDirectory(candidate)) return candidate;
        }
        assumeTrue(false, "shared/data/" + sub + " not found beside " + repoRoot + " or any folder above it: skipping the real-data check");
        throw new AssertionError("unreachable");
    }
}
