package dev.nabla.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compiles and runs every ```java block of docs/nn.md, as core's README test does for the README: a
 * line ending in {@code // => text} must make the snippet print a line starting with that text.
 * {@link #snippetTests} does the same for the other guides of nabla-nn (docs/keras.md).
 */
public class DocSnippetsTest {
    private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @TestFactory
    List<DynamicTest> nnGuideSnippetsRunAndPrintWhatTheySay() throws Exception {
        return snippetTests("nn.md", "import dev.nabla.*;\nimport dev.nabla.nn.*;\nimport static dev.nabla.Nabla.*;\n");
    }

    /** One test per ```java block of docs/{doc}; each block is the body of a method, compiled after the import lines. */
    public static List<DynamicTest> snippetTests(String doc, String imports) throws Exception {
        Matcher m = BLOCK.matcher(Files.readString(Path.of("..", "docs", doc)));
        List<DynamicTest> tests = new ArrayList<>();
        while (m.find()) {
            String body = m.group(1);
            int n = tests.size() + 1;
            tests.add(DynamicTest.dynamicTest("docs/" + doc + " snippet " + n, () -> run(doc, imports, n, body)));
        }
        assertFalse(tests.isEmpty(), "docs/" + doc + " has no java snippets");
        return tests;
    }

    private static void run(String doc, String imports, int n, String body) throws Exception {
        String cls = "DocSnippet" + doc.replaceAll("\\W", "_") + n;
        String src = imports + "public class " + cls + " { public static void run() throws Exception {\n" + body + "\n} }\n";
        Path dir = Files.createTempDirectory("nabla-nn-doc");
        Path file = dir.resolve(cls + ".java");
        Files.writeString(file, src);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, err, "--add-modules", "jdk.incubator.vector", "-proc:none",
                "-cp", System.getProperty("java.class.path"), "-d", dir.toString(), file.toString());
        assertEquals(0, rc, "docs/" + doc + " snippet " + n + " does not compile:\n" + err + "\n" + src);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, DocSnippetsTest.class.getClassLoader())) {
            System.setOut(new PrintStream(out, true));
            loader.loadClass(cls).getMethod("run").invoke(null);
        } finally {
            System.setOut(old);
        }
        List<String> printed = out.toString().lines().map(String::strip).toList();
        int at = 0;
        for (String line : body.lines().toList()) {
            int k = line.indexOf("// => ");
            if (k < 0) continue;
            String expected = line.substring(k + 6).strip();
            boolean found = false;
            while (!found && at < printed.size()) found = printed.get(at++).startsWith(expected);
            assertTrue(found, "docs/" + doc + " snippet " + n + ": expected a printed line starting with '" + expected + "'; printed:\n" + out);
        }
    }
}
