package dev.nabla.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One benchmark figure. {@link #toJson()} writes the line format our tracking reads, e.g.
 * {@code {"bench":"sgemm","params":{"n":1024,"threads":2,"impl":"java"},"value":151.2,"unit":"GFLOP/s"}};
 * a workload that cannot run yet has {@code "value":null,"error":"..."} instead of a number.
 *
 * @param params insertion-ordered so the JSON keys come out in a stable, readable order
 */
public record BenchResult(String bench, Map<String, Object> params, Double value, String unit, String error) {

    public static BenchResult of(String bench, Map<String, Object> params, double value, String unit) {
        return new BenchResult(bench, params, value, unit, null);
    }

    public static BenchResult failed(String bench, Map<String, Object> params, String unit, String error) {
        return new BenchResult(bench, params, null, unit, error);
    }

    /** Insertion-ordered params from alternating key, value arguments. */
    public static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }

    public String toJson() {
        StringBuilder sb = new StringBuilder("{\"bench\":").append(quote(bench)).append(",\"params\":{");
        boolean first = true;
        for (Map.Entry<String, Object> e : params.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            sb.append(quote(e.getKey())).append(':').append(jsonValue(e.getValue()));
        }
        sb.append("},\"value\":").append(value == null ? "null" : formatValue(value));
        if (error != null) sb.append(",\"error\":").append(quote(error));
        return sb.append(",\"unit\":").append(quote(unit)).append('}').toString();
    }

    /**
     * Four significant digits (whole numbers from 1000 up), never in exponent form: JSON would allow
     * it, but people read these lines too.
     */
    public static String formatValue(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "null";
        if (v == 0) return "0";
        BigDecimal d = BigDecimal.valueOf(v);
        d = Math.abs(v) >= 1000 ? d.setScale(0, RoundingMode.HALF_EVEN) : d.round(new MathContext(4));
        return d.stripTrailingZeros().toPlainString();
    }

    private static String jsonValue(Object v) {
        if (v instanceof Number || v instanceof Boolean) return v.toString();
        return quote(String.valueOf(v));
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
