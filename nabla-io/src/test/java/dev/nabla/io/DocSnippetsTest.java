package dev.nabla.io;

import dev.nabla.testing.DocSnippets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** docs/io.md's java blocks compile, run and print what their {@code // =>} comments say. */
class DocSnippetsTest {
    @TestFactory
    List<DynamicTest> ioGuideSnippetsRunAndPrintWhatTheySay() throws Exception {
        return DocSnippets.tests(Path.of("..", "docs", "io.md"), "dev.nabla.nn.*", "dev.nabla.nn.optim.*", "dev.nabla.io.*",
                "java.nio.file.*", "java.util.*");
    }
}
