package dev.nabla.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Console output for code that prints to a PrintStream (the progress bar, the examples): a stream
 * over picocli's writer, so tests that capture the writer capture everything.
 */
final class Output extends OutputStream {
    private final PrintWriter writer;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private Output(PrintWriter writer) {
        this.writer = writer;
    }

    /** A PrintStream that hands its text to writer on every flush (println, or the progress bar's explicit flush). */
    static PrintStream over(PrintWriter writer) {
        return new PrintStream(new Output(writer), true, StandardCharsets.UTF_8);
    }

    /** Whether a progress bar may redraw its line in place: a terminal that understands '\r'. */
    static boolean interactive() {
        String term = System.getenv("TERM");
        return System.console() != null && System.console().isTerminal() && term != null && !term.isBlank() && !term.equals("dumb");
    }

    @Override
    public void write(int b) {
        pending.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
    }

    @Override
    public void flush() {
        writer.write(pending.toString(StandardCharsets.UTF_8));
        pending.reset();
        writer.flush();
    }
}
