package dev.nabla.nn.keras;

import dev.nabla.nn.DocSnippetsTest;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Compiles and runs the snippets of docs/keras.md, checking what they print (see {@link DocSnippetsTest}). */
class ModelGuideSnippetsTest {
    @TestFactory
    List<DynamicTest> kerasGuideSnippetsRunAndPrintWhatTheySay() throws Exception {
        return DocSnippetsTest.snippetTests("keras.md", """
                import dev.nabla.*;
                import dev.nabla.data.*;
                import dev.nabla.nn.*;
                import dev.nabla.nn.keras.*;
                import dev.nabla.nn.optim.*;
                import static dev.nabla.Nabla.*;
                """);
    }
}
