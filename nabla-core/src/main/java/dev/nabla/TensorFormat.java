package dev.nabla;

/** PyTorch-like printing: {@code tensor([[1.0000, 2.0000], ...], dtype=float64, grad_fn=<AddBackward>)}. */
final class TensorFormat {
    private static final int SUMMARIZE_ABOVE = 1000;
    private static final int EDGE = 3;

    private TensorFormat() {}

    static String format(Tensor t) {
        StringBuilder b = new StringBuilder("tensor(");
        if (t.isBatched()) {
            b.append("<batched inside vmap>, shape=").append(Shapes.str(t.shape()));
        } else {
            Tensor c = t.detach();
            boolean summarize = c.numel() > SUMMARIZE_ABOVE;
            boolean floating = c.dtype().isFloatingPoint();
            boolean allIntegral = true;
            double maxAbs = 0;
            if (floating) {
                for (double v : c.toDoubleArray()) {
                    if (Double.isFinite(v)) {
                        allIntegral &= v == Math.rint(v);
                        maxAbs = Math.max(maxAbs, Math.abs(v));
                    }
                }
            }
            boolean sci = floating && (maxAbs >= 1e8 || maxAbs != 0 && maxAbs < 1e-4);
            boolean integral = allIntegral;
            int indent = "tensor(".length();
            appendLevel(b, c, new int[c.dim()], 0, summarize, v -> fmt(v, c.dtype(), integral, sci), indent);
        }
        if (t.dtype() != DType.FLOAT32 && t.dtype() != DType.INT64) b.append(", dtype=").append(t.dtype());
        if (t.gradFn() != null) b.append(", grad_fn=<").append(t.gradFn().name()).append('>');
        else if (t.requiresGrad()) b.append(", requires_grad=True");
        return b.append(')').toString();
    }

    private interface Fmt {
        String of(double v);
    }

    private static void appendLevel(StringBuilder b, Tensor t, int[] idx, int d, boolean summarize, Fmt f, int indent) {
        if (t.dim() == 0) {
            b.append(f.of(t.item()));
            return;
        }
        int n = t.shape()[d];
        b.append('[');
        for (int i = 0; i < n; i++) {
            if (summarize && n > 2 * EDGE && i == EDGE) {
                b.append(d == t.dim() - 1 ? "..., " : "...,\n" + " ".repeat(indent + d + 1));
                i = n - EDGE;
            }
            idx[d] = i;
            if (d == t.dim() - 1) b.append(f.of(t.get(idx)));
            else appendLevel(b, t, idx, d + 1, summarize, f, indent);
            if (i < n - 1) b.append(d == t.dim() - 1 ? ", " : ",\n" + (d < t.dim() - 2 ? "\n" : "") + " ".repeat(indent + d + 1));
        }
        b.append(']');
    }

    private static String fmt(double v, DType dtype, boolean allIntegral, boolean sci) {
        if (dtype == DType.BOOL) return v != 0 ? "True" : "False";
        if (!dtype.isFloatingPoint()) return Long.toString((long) v);
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (sci) return String.format("%.4e", v);
        if (allIntegral) return String.format("%.0f.", v);
        return String.format("%.4f", v);
    }
}
