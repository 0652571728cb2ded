package dev.nabla.io;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The safetensors fixtures under src/test/resources/dev/nabla/io (see scripts/fixtures/make_safetensors_fixtures.py). */
final class Fixtures {
    /** Where NablaWrittenFixturesTest writes when asked to regenerate (the module's folder is the working directory). */
    static final Path SOURCE_DIR = Path.of("src", "test", "resources", "dev", "nabla", "io");

    private Fixtures() {}

    static Path path(String name) {
        var url = Fixtures.class.getResource(name);
        if (url == null) throw new IllegalStateException("missing fixture " + name + "; see scripts/fixtures/make_safetensors_fixtures.py");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
