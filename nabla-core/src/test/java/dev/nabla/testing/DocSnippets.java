package dev.nabla.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

/**
 * Turns every ```java block of a Markdown file into a test that compiles and runs it. A line ending in
 * {@code // => text} must make the snippet print a line starting with that text (in order), so the
 * documentation cannot drift from the code. Each module's doc test calls {@link #tests} with the
 * imports its guide assumes.
 */
public final class DocSnippets {
    private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final String CORE_IMPORTS =
            "import dev.nabla.*;\nimport static dev.nabla.Nabla.*;\nimport static dev.nabla.Functional.*;\n";

    private DocSnippets() {}

    /** One dynamic test per java block of the file; imports are extra import lines, e.g. "dev.nabla.nn.*". */
    public static List<DynamicTest> tests(Path markdown, String... imports) throws IOException {
        Matcher m = BLOCK.matcher(Files.readString(markdown));
        StringBuilder header = new StringBuilder(CORE_IMPORTS);
        for (String i : imports) header.append("import ").append(i).append(";\n");
        List<DynamicTest> tests = new ArrayList<>();
        while (m.find()) {
            String body = m.group(1);
            int n = tests.size() + 1;
            String name = markdown.getFileName() + " snippet " + n;
            tests.add(DynamicTest.dynamicTest(name, () -> run(name, "DocSnippet" + n, header.toString(), body)));
        }
        assertFalse(tests.isEmpty(), markdown + " has no java snippets");
        return tests;
    }

    private static void run(String name, String cls, String header, String body) throws Exception {
        String src = header + "public class " + cls + " { public static void run() throws Exception {\n" + body + "\n} }\n";
        Path dir = Files.createTempDirectory("nabla-doc");
        Path file = dir.resolve(cls + ".java");
        Files.writeString(file, src);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, err, "--add-modules", "jdk.incubator.vector", "-proc:none",
                "-cp", System.getProperty("java.class.path"), "-d", dir.toString(), file.toString());
        assertEquals(0, rc, name + " does not compile:\n" + err + "\n" + src);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, DocSnippets.class.getClassLoader())) {
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
            assertTrue(found, name + ": expected a printed line starting with '" + expected + "'; printed:\n" + out);
        }
    }
}
