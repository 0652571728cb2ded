package dev.nabla.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Looks for a system BLAS shared library file. A stand-in: the GEMM code's own native loader
 * will provide the real detection, and {@link #find()} is the one place to switch over to it.
 */
final class SystemBlas {
    private static final String[] NAMES = {"libopenblas.so.0", "libblas.so.3"};
    private static final String[] DIRS = {
        "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib", "/lib/x86_64-linux-gnu"
    };

    private SystemBlas() {}

    /** The first BLAS library file found, searching LD_LIBRARY_PATH and then the usual lib dirs. */
    static Optional<Path> find() {
        List<String> dirs = new ArrayList<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) for (String d : ld.split(File.pathSeparator)) if (!d.isBlank()) dirs.add(d);
        dirs.addAll(List.of(DIRS));
        for (String name : NAMES)
            for (String dir : dirs) {
                Path p = Path.of(dir, name);
                if (Files.exists(p)) return Optional.of(p);
            }
        return Optional.empty();
    }
}
