package dev.nabla.bench;

import java.util.stream.Collectors;

/** The human-readable form of {@link BenchResult}s: one aligned row per result. */
public final class ResultTable {
    private ResultTable() {}

    public static String header() {
        return String.format("%-15s %-62s %10s  %s", "bench", "params", "value", "unit");
    }

    public static String row(BenchResult r) {
        String params = r.params().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        String value = r.value() == null ? "n/a" : BenchResult.formatValue(r.value());
        String unit = r.error() == null ? r.unit() : r.unit() + "  (" + r.error() + ")";
        return String.format("%-15s %-62s %10s  %s", r.bench(), params, value, unit);
    }
}
