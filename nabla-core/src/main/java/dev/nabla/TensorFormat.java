package dev.nabla;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * PyTorch-like printing: {@code tensor([[1.0000, 2.0000], ...], dtype=float64, grad_fn=<add>)}. Follows
 * torch/_tensor_str.py: one formatter for the whole tensor (fixed, integer or scientific mode; every
 * element padded to the widest), rows wrapped at 80 columns, summarised above 1000 elements. Numbers
 * are rounded from their exact binary value, half to even, as Python's format does, whatever the
 * default locale.
 */
final class TensorFormat {
    private static final int SUMMARIZE_ABOVE = 1000;
    private static final int EDGE = 3;
    private static final int PRECISION = 4;
    private static final int LINE_WIDTH = 80;

    private TensorFormat() {}

    static String format(Tensor t) {
        StringBuilder b = new StringBuilder("tensor(");
        if (t.isBatched()) {
            b.append("<batched inside vmap>, shape=").append(Shapes.str(t.shape()));
        } else {
            Tensor c = t.detach();
            int[] shape = c.shape();
            if (c.numel() == 0) {
                b.append("[]");
                if (shape.length != 1) b.append(", size=(").append(sizeTuple(shape)).append(')');
            } else {
                boolean summarize = c.numel() > SUMMARIZE_ABOVE;
                List<Double> shown = new ArrayList<>();
                collect(c, new int[shape.length], 0, summarize, shown);
                Formatter f = new Formatter(c.dtype(), shown);
                b.append(str(c, new int[shape.length], 0, "tensor(".length(), summarize, f));
            }
        }
        DType d = t.dtype();
        if (d != DType.FLOAT32 && d != DType.INT64 && d != DType.BOOL) b.append(", dtype=").append(d);
        if (t.gradFn() != null) b.append(", grad_fn=<").append(t.gradFn().name()).append('>');
        else if (t.requiresGrad()) b.append(", requires_grad=True");
        return b.append(')').toString();
    }

    private static String sizeTuple(int[] shape) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shape.length; i++) b.append(i == 0 ? "" : ", ").append(shape[i]);
        return shape.length == 1 ? b.append(',').toString() : b.toString();
    }

    /** Indices printed along a dim of size n: all of them, or the edges when summarising. */
    private static int[] shownIndices(int n, boolean summarize) {
        if (!summarize || n <= 2 * EDGE) {
            int[] r = new int[n];
            for (int i = 0; i < n; i++) r[i] = i;
            return r;
        }
        int[] r = new int[2 * EDGE];
        for (int i = 0; i < EDGE; i++) {
            r[i] = i;
            r[EDGE + i] = n - EDGE + i;
        }
        return r;
    }

    private static boolean elided(int n, boolean summarize) {
        return summarize && n > 2 * EDGE;
    }

    private static void collect(Tensor t, int[] idx, int d, boolean summarize, List<Double> out) {
        if (d == idx.length) {
            out.add(t.get(idx));
            return;
        }
        for (int i : shownIndices(t.shape()[d], summarize)) {
            idx[d] = i;
            collect(t, idx, d + 1, summarize, out);
        }
    }

    /** _tensor_str_with_formatter: the sub-tensor at idx[0..d), printed at the given indent. */
    private static String str(Tensor t, int[] idx, int d, int indent, boolean summarize, Formatter f) {
        int rank = idx.length;
        if (rank == 0) return f.format(t.item());
        int n = t.shape()[d];
        List<String> parts = new ArrayList<>();
        int[] shown = shownIndices(n, summarize);
        boolean gap = elided(n, summarize);
        if (d == rank - 1) {
            // _vector_str: elements wrapped so that a line stays within the line width
            for (int k = 0; k < shown.length; k++) {
                if (gap && k == EDGE) parts.add(" ...");
                idx[d] = shown[k];
                parts.add(f.format(t.get(idx)));
            }
            int perLine = Math.max(1, (LINE_WIDTH - indent) / (f.width + 2));
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < parts.size(); i += perLine) lines.add(String.join(", ", parts.subList(i, Math.min(parts.size(), i + perLine))));
            return "[" + String.join(",\n" + " ".repeat(indent + 1), lines) + "]";
        }
        for (int k = 0; k < shown.length; k++) {
            if (gap && k == EDGE) parts.add("...");
            idx[d] = shown[k];
            parts.add(str(t, idx, d + 1, indent + 1, summarize, f));
        }
        return "[" + String.join("," + "\n".repeat(rank - d - 1) + " ".repeat(indent + 1), parts) + "]";
    }

    /** torch._tensor_str._Formatter with the default print options (precision 4). */
    private static final class Formatter {
        final DType dtype;
        final boolean floating;
        boolean intMode = true, sciMode = false;
        int width = 1;

        Formatter(DType dtype, List<Double> values) {
            this.dtype = dtype;
            this.floating = dtype.isFloatingPoint();
            if (!floating) {
                for (double v : values) width = Math.max(width, plain(v).length());
                return;
            }
            double min = Double.POSITIVE_INFINITY, max = 0;
            List<Double> finite = new ArrayList<>();
            for (double v : values) {
                if (!Double.isFinite(v) || v == 0) continue;
                finite.add(v);
                min = Math.min(min, Math.abs(v));
                max = Math.max(max, Math.abs(v));
                if (v != Math.ceil(v)) intMode = false;
            }
            if (finite.isEmpty()) return;
            if (intMode) {
                if (max / min > 1000 || max > 1e8) {
                    sciMode = true;
                    for (double v : finite) width = Math.max(width, sci(v).length());
                } else {
                    for (double v : finite) width = Math.max(width, fixed(v, 0).length() + 1);
                }
            } else if (max / min > 1000 || max > 1e8 || min < 1e-4) {
                sciMode = true;
                for (double v : finite) width = Math.max(width, sci(v).length());
            } else {
                for (double v : finite) width = Math.max(width, fixed(v, PRECISION).length());
            }
        }

        String format(double v) {
            String s;
            if (!floating) s = plain(v);
            else if (Double.isNaN(v)) s = "nan";
            else if (Double.isInfinite(v)) s = v > 0 ? "inf" : "-inf";
            else if (sciMode) s = sci(v);
            else if (intMode) s = fixed(v, 0) + ".";
            else s = fixed(v, PRECISION);
            return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
        }

        private String plain(double v) {
            return dtype == DType.BOOL ? (v != 0 ? "True" : "False") : Long.toString((long) v);
        }
    }

    /** Python's "{:.Nf}": the exact binary value rounded half to even; keeps the sign of negative values and -0.0. */
    static String fixed(double v, int digits) {
        String s = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = v < 0 || v == 0 && 1 / v < 0;
        return negative && !s.startsWith("-") ? "-" + s : s;
    }

    /** Python's "{:.4e}": mantissa with 4 decimals and an exponent of at least two digits. */
    static String sci(double v) {
        if (v == 0) return (1 / v < 0 ? "-" : "") + "0." + "0".repeat(PRECISION) + "e+00";
        BigDecimal r = new BigDecimal(v).round(new MathContext(PRECISION + 1, RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        String mantissa = r.movePointLeft(exp).setScale(PRECISION, RoundingMode.UNNECESSARY).toPlainString();
        String e = Integer.toString(Math.abs(exp));
        return mantissa + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }
}
