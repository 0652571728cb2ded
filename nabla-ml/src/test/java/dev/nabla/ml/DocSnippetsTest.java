package dev.nabla.ml;

import dev.nabla.testing.DocSnippets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** docs/ml.md's java blocks compile, run and print what their {@code // =>} comments say. */
class DocSnippetsTest {
    @TestFactory
    List<DynamicTest> mlGuideSnippetsRunAndPrintWhatTheySay() throws Exception {
        return DocSnippets.tests(Path.of("..", "docs", "ml.md"), "dev.nabla.ml.*", "dev.nabla.ml.compose.*", "dev.nabla.ml.ensemble.*",
                "dev.nabla.ml.linear.*", "dev.nabla.ml.metrics.*", "dev.nabla.ml.pipeline.*", "dev.nabla.ml.plot.*", "dev.nabla.ml.preprocessing.*",
                "dev.nabla.ml.selection.*", "dev.nabla.data.BundledDatasets", "dev.nabla.data.Column", "dev.nabla.data.Table", "java.nio.file.*",
                "java.util.*");
    }
}
