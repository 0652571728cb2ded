package dev.nabla.examples;

import dev.nabla.testing.DocSnippets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** docs/examples.md's java blocks compile, run and print what their {@code // =>} comments say. */
class DocSnippetsTest {
    @TestFactory
    List<DynamicTest> examplesGuideSnippetsRunAndPrintWhatTheySay() throws Exception {
        return DocSnippets.tests(Path.of("..", "docs", "examples.md"), "dev.nabla.examples.*", "java.util.*");
    }
}
