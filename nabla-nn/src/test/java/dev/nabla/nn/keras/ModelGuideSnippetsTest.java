package dev.nabla.nn.keras;

import dev.nabla.testing.DocSnippets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** docs/keras.md's java blocks compile, run and print what their {@code // =>} comments say. */
class ModelGuideSnippetsTest {
    @TestFactory
    List<DynamicTest> kerasGuideSnippetsRunAndPrintWhatTheySay() throws Exception {
        return DocSnippets.tests(Path.of("..", "docs", "keras.md"),
                "dev.nabla.data.*", "dev.nabla.nn.*", "dev.nabla.nn.keras.*", "dev.nabla.nn.optim.*");
    }
}
