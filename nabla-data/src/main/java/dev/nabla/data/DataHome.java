package dev.nabla.data;

import java.nio.file.Path;

/** Where downloadable datasets live: {@code $NABLA_DATA}, else {@code ~/.nabla/datasets}. */
public final class DataHome {
    private DataHome() {}

    public static Path root() {
        String env = System.getenv("NABLA_DATA");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".nabla", "datasets");
    }
}
