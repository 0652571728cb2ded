package dev.nabla.data;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line text progress bar for downloads, redrawn with '\r' at most every 1% (or 1 MB when the size is unknown). */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final long total;
    private long lastDrawn = -1;

    /** total is the expected byte count, or -1 when the server did not say. */
    ProgressBar(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    void update(long done) {
        long step = total > 0 ? Math.max(1, total / 100) : 1 << 20;
        if (lastDrawn >= 0 && done - lastDrawn < step && done != total) return;
        lastDrawn = done;
        out.print("\r" + line(done));
        out.flush();
    }

    void finish(long done) {
        out.print("\r" + line(done) + System.lineSeparator());
        out.flush();
    }

    private String line(long done) {
        if (total <= 0) return label + " " + megabytes(done);
        int filled = (int) (WIDTH * Math.min(done, total) / total);
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        return String.format(Locale.ROOT, "%s [%s] %3d%% %s / %s", label, bar, 100 * Math.min(done, total) / total, megabytes(done), megabytes(total));
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
