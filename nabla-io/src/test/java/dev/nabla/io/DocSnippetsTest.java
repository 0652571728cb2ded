package dev.nabla.io;

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
 * Compiles and runs every ```java block of docs/io.md; a line ending in {@code // => text} must make
 * the snippet print a line starting with that text. The same approach as nabla-nn's DocSnippetsTest,
 * which lives in that module's test sources and so cannot be shared; this copy adds nabla-io's imports.
 */
class DocSnippetsTest {
    private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final String IMPORTS = "import dev.nabla.*;\nimport dev.nabla.nn.*;\nimport dev.nabla.nn.optim.*;\nimport dev.nabla.io.*;\n"
            + "import java.nio.file.*;\nimport java.util.*;\nimport static dev.nabla.Nabla.*;\n";

    @TestFactory
    List<DynamicTest> ioGuideSnippetsRunAndPrintWhatTheySay() throws Exception {
        Matcher m = BLOCK.matcher(Files.readString(Path.of("..", "docs", "io.md")));
        List<DynamicTest> tests = new ArrayList<>();
        while (m.find()) {
            String body = m.group(1);
            int n = tests.size() + 1;
            tests.add(DynamicTest.dynamicTest("docs/io.md snippet " + n, () -> run(n, body)));
        }
        assertFalse(tests.isEmpty(), "docs/io.md has no java snippets");
        return tests;
    }

    private static void run(int n, String body) throws Exception {
        String cls = "IoDocSnippet" + n;
        String src = IMPORTS + "public class " + cls + " { public static void run() throws Exception {\n" + body + "\n} }\n";
        Path dir = Files.createTempDirectory("nabla-io-doc");
        Path file = dir.resolve(cls + ".java");
        Files.writeString(file, src);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, err, "--add-modules", "jdk.incubator.vector", "-proc:none",
                "-cp", System.getProperty("java.class.path"), "-d", dir.toString(), file.toString());
        assertEquals(0, rc, "docs/io.md snippet " + n + " does not compile:\n" + err + "\n" + src);
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
            assertTrue(found, "docs/io.md snippet " + n + ": expected a printed line starting with '" + expected + "'; printed:\n" + out);
        }
    }
}
