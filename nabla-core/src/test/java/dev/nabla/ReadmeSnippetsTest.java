package dev.nabla;

import dev.nabla.testing.DocSnippets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The README's java blocks compile, run and print what their {@code // =>} comments say. */
class ReadmeSnippetsTest {
    @TestFactory
    List<DynamicTest> readmeSnippetsCompileRunAndPrintWhatTheySay() throws Exception {
        return DocSnippets.tests(Path.of("..", "README.md"));
    }
}
