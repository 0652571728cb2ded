package dev.nabla.ml.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The text table of sklearn's classification_report, character for character. */
final class ClassificationReport {
    private ClassificationReport() {}

    static String format(Counts c, int digits) {
        int k = c.labels().length;
        String[] names = new String[k];
        int width = "weighted avg".length();
        for (int j = 0; j < k; j++) {
            double v = c.labels()[j];
            names[j] = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
            width = Math.max(width, names[j].length());
        }
        width = Math.max(width, digits);
        StringBuilder out = new StringBuilder();
        out.append(pad("", width)).append(' ');
        for (String h : new String[] {"precision", "recall", "f1-score", "support"}) out.append(' ').append(pad(h, 9));
        out.append("\n\n");
        for (int j = 0; j < k; j++) row(out, names[j], PrecisionRecall.ofClass(c, j), c.support(j), width, digits);
        out.append('\n');
        long total = c.total();
        PrecisionRecall micro = PrecisionRecall.of(c, Average.MICRO);
        out.append(pad("accuracy", width)).append(' ').append(' ').append(pad("", 9)).append(' ').append(pad("", 9))
                .append(' ').append(pad(fixed(micro.f1(), digits), 9)).append(' ').append(pad(Long.toString(total), 9)).append('\n');
        row(out, "macro avg", PrecisionRecall.of(c, Average.MACRO), total, width, digits);
        row(out, "weighted avg", PrecisionRecall.of(c, Average.WEIGHTED), total, width, digits);
        return out.toString();
    }

    private static void row(StringBuilder out, String name, PrecisionRecall m, long support, int width, int digits) {
        out.append(pad(name, width)).append(' ');
        for (double v : new double[] {m.precision(), m.recall(), m.f1()}) out.append(' ').append(pad(fixed(v, digits), 9));
        out.append(' ').append(pad(Long.toString(support), 9)).append('\n');
    }

    /** Python's format rounds the exact binary value half-to-even; Java's %f would round 0.125 up. */
    private static String fixed(double v, int digits) {
        return new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
