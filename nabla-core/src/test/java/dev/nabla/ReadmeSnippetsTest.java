package dev.nabla;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compiles and runs every ```java block of the README. A line ending in {@code // => text} must make
 * the snippet print a line that starts with that text, so the README cannot drift from the code.
 */
class ReadmeSnippetsTest {
    private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @TestFactory
    List<DynamicTest> readmeSnippetsCompileRunAndPrintWhatTheySay() throws Exception {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        Matcher m = BLOCK.matcher(text);
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        while (m.find()) {
            String body = m.group(1);
            int n = ++i;
            tests.add(DynamicTest.dynamicTest("README snippet " + n, () -> run(n, body)));
        }
        assertFalse(tests.isEmpty(), "the README has no java snippets");
        return tests;
    }

    private static void run(int n, String body) throws Exception {
        String cls = "ReadmeSnippet" + n;
        String src = "import dev.nabla.*;\nimport static dev.nabla.Nabla.*;\nimport static dev.nabla.Functional.*;\n"
                + "public class " + cls + " { public static void run() throws Exception {\n" + body + "\n} }\n";
        Path dir = Files.createTempDirectory("nabla-readme");
        Path file = dir.resolve(cls + ".java");
        Files.writeString(file, src);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(null, null, err, "--add-modules", "jdk.incubator.vector", "-proc:none",
                "-cp", System.getProperty("java.class.path"), "-d", dir.toString(), file.toString());
        assertEquals(0, rc, "README snippet " + n + " does not compile:\n" + err + "\n" + src);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, ReadmeSnippetsTest.class.getClassLoader())) {
            System.setOut(new PrintStream(out, true));
            Method run = loader.loadClass(cls).getMethod("run");
            run.invoke(null);
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
            while (at < printed.size()) {
                if (printed.get(at++).startsWith(expected)) { found = true; break; }
            }
            assertTrue(found, "README snippet " + n + ": expected a printed line starting with '" + expected + "'; printed:\n" + out);
        }
    }

}
