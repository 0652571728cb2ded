package dev.nabla.nn;

import dev.nabla.testing.DocSnippets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** docs/nn.md's java blocks compile, run and print what their {@code // =>} comments say. */
class DocSnippetsTest {
    @TestFactory
    List<DynamicTest> nnGuideSnippetsRunAndPrintWhatTheySay() throws Exception {
        return DocSnippets.tests(Path.of("..", "docs", "nn.md"), "dev.nabla.nn.*");
    }
}
