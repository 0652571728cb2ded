package dev.nabla.nn.keras;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Training progress on the console: "Epoch 3/10", batches done, time, throughput (samples/s), loss and
 * metrics. Interactive, it redraws one line in place with a bar and an ETA (at most every 100 ms) and
 * ends each epoch with the full line; otherwise it prints just that line, once per epoch, so logs
 * and CI output stay readable. {@link Model#fit} adds one for verbose 1 and 2.
 */
public final class ProgressBar implements Callback {
    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private int epochs;
    private int batchesPerEpoch;
    private int epoch;
    private long epochStart;
    private long lastDraw;
    private long samples;
    private int batchesDone;
    private int drawnLength;

    public ProgressBar(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** On System.out, interactive when it is a terminal that understands '\r' (a console and TERM set, not "dumb"). */
    public static ProgressBar forConsole() {
        String term = System.getenv("TERM");
        boolean terminal = System.console() != null && term != null && !term.isEmpty() && !term.equals("dumb");
        return new ProgressBar(System.out, terminal);
    }

    @Override
    public void onTrainBegin(Model model, TrainingPlan plan) {
        epochs = plan.epochs();
        batchesPerEpoch = plan.batchesPerEpoch();
    }

    @Override
    public void onEpochBegin(int epoch) {
        this.epoch = epoch;
        epochStart = System.nanoTime();
        lastDraw = 0;
        samples = 0;
        batchesDone = 0;
        drawnLength = 0;
    }

    @Override
    public void onBatchEnd(int batch, Map<String, Double> logs) {
        samples += logs.getOrDefault("size", 0.0).longValue();
        batchesDone = batch + 1;
        long now = System.nanoTime();
        if (!interactive || now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        double elapsed = (now - epochStart) / 1e9;
        StringBuilder line = new StringBuilder(header()).append(' ').append(bar()).append(' ').append(batchCount());
        if (batchesPerEpoch > 0) line.append(" - ETA ").append(duration(elapsed / batchesDone * (batchesPerEpoch - batchesDone)));
        line.append(throughput(elapsed)).append(values(logs));
        redraw(line.toString());
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        double elapsed = (System.nanoTime() - epochStart) / 1e9;
        String line = header() + " - " + batchCount() + " - " + duration(elapsed) + throughput(elapsed) + values(logs);
        if (interactive) redraw(line);
        else out.print(line);
        out.println();
        out.flush();
    }

    private String header() {
        return "Epoch " + (epoch + 1) + "/" + epochs;
    }

    private String batchCount() {
        return batchesDone + "/" + (batchesPerEpoch > 0 ? Integer.toString(batchesPerEpoch) : "?");
    }

    private String bar() {
        if (batchesPerEpoch <= 0) return "[" + "?".repeat(BAR_WIDTH) + "]";
        int filled = BAR_WIDTH * batchesDone / batchesPerEpoch;
        return "[" + "=".repeat(filled) + (filled < BAR_WIDTH ? ">" + ".".repeat(BAR_WIDTH - filled - 1) : "") + "]";
    }

    private String throughput(double seconds) {
        return seconds > 0 ? String.format(Locale.ROOT, " - %.0f samples/s", samples / seconds) : "";
    }

    private static String values(Map<String, Double> logs) {
        StringBuilder sb = new StringBuilder();
        for (var e : logs.entrySet()) if (!e.getKey().equals("size")) sb.append(" - ").append(e.getKey()).append(": ").append(number(e.getValue()));
        return sb.toString();
    }

    /** Four decimals, or scientific notation for small values (learning rates) that would print as 0.0000. */
    static String number(double v) {
        return v == 0 || Math.abs(v) >= 1e-3 || !Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.4e", v);
    }

    static String duration(double seconds) {
        if (seconds < 60) return String.format(Locale.ROOT, "%.2fs", seconds);
        long s = Math.round(seconds);
        return s / 3600 > 0 ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60) : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    /** Returns to the start of the line and overwrites it, blanking what a longer previous line left behind. */
    private void redraw(String line) {
        out.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        drawnLength = line.length();
        out.flush();
    }
}
