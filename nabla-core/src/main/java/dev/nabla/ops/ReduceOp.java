package dev.nabla.ops;

import dev.nabla.DType;
import dev.nabla.Dispatch;
import dev.nabla.Nabla;
import dev.nabla.Shapes;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.cpu.Simd;

/** A reduction over the dims set in a mask, keeping them as size 1 or dropping them. */
final class ReduceOp extends Op {
    private final ReduceKind kind;
    private final boolean[] mask;
    private final boolean keepDim;

    ReduceOp(ReduceKind kind, boolean[] mask, boolean keepDim) {
        this.kind = kind;
        this.mask = mask;
        this.keepDim = keepDim;
    }

    @Override
    public String name() {
        return kind.name().toLowerCase();
    }

    @Override
    public boolean isDifferentiable() {
        return kind.differentiable();
    }

    @Override
    public boolean backwardUsesInputs() {
        return kind != ReduceKind.SUM;
    }

    @Override
    public boolean backwardUsesOutput() {
        return kind != ReduceKind.SUM;
    }

    int[] outShape(int[] in) {
        int n = 0;
        for (int i = 0; i < in.length; i++) if (keepDim || !mask[i]) n++;
        int[] out = new int[n];
        for (int i = 0, k = 0; i < in.length; i++) {
            if (!mask[i]) out[k++] = in[i];
            else if (keepDim) out[k++] = 1;
        }
        return out;
    }

    @Override
    public Tensor forward(Tensor[] inputs) {
        Tensor x = inputs[0];
        int[] shape = x.shape();
        int rank = shape.length;
        Tensor out = Tensor.empty(kind.resultType(x.dtype()), outShape(shape));
        int inner = 1;
        int[] order = new int[rank];
        int k = 0;
        for (int i = 0; i < rank; i++) if (!mask[i]) order[k++] = i;
        int kept = k;
        for (int i = 0; i < rank; i++) if (mask[i]) { order[k++] = i; inner *= shape[i]; }
        int outer = out.numel();
        if (outer == 0) return out;
        if (inner == 0) {
            double empty = switch (kind) {
                case SUM, ANY -> 0;
                case PROD, ALL -> 1;
                default -> throw new IllegalArgumentException(name() + ": cannot reduce an empty dimension of a tensor of shape " + Shapes.str(shape));
            };
            return out.fill_(empty);
        }
        if (kind == ReduceKind.SUM && x.dtype() == DType.FLOAT32 && Simd.AVAILABLE && x.isContiguous() && isPrefix(kept)) {
            sumLeadingRows(x, out, inner == 0 ? 0 : x.numel() / outer, outer);
            return out;
        }
        Tensor rows = x.permute(order).contiguous();
        int n = inner;
        if (x.dtype() == DType.FLOAT32 && (kind == ReduceKind.SUM || kind == ReduceKind.AMAX) && Simd.AVAILABLE) {
            float[] xs = rows.storage().floats(), os = out.storage().floats();
            int xo = rows.offset();
            Parallel.forRange(outer, Math.max(1, Elementwise.GRAIN / n), (s, e) -> {
                for (int r = s; r < e; r++)
                    os[r] = kind == ReduceKind.SUM ? FloatKernels.sum(xs, xo + r * n, n) : maxOrNaN(xs, xo + r * n, n);
            });
            return out;
        }
        if (!x.dtype().isFloatingPoint()) {
            Tensor longs = rows.dtype() == DType.INT64 ? rows : Conversions.convert(rows, DType.INT64);
            long[] ls = longs.storage().longs();
            int lo = longs.offset();
            var os = out.storage();
            Parallel.forRange(outer, Math.max(1, Elementwise.GRAIN / n), (s, e) -> {
                for (int r = s; r < e; r++) os.setLong(r, kind.reduceLong(ls, lo + r * n, n));
            });
            return out;
        }
        double[] xs = rows.dtype() == DType.FLOAT64 ? rows.storage().doubles() : Conversions.convert(rows, DType.FLOAT64).storage().doubles();
        int xo = rows.dtype() == DType.FLOAT64 ? rows.offset() : 0;
        var os = out.storage();
        Parallel.forRange(outer, Math.max(1, Elementwise.GRAIN / n), (s, e) -> {
            for (int r = s; r < e; r++) os.setDouble(r, kind.reduce(xs, xo + r * n, 1, n));
        });
        return out;
    }

    /** Whether the reduced dims are exactly the leading ones (kept dims form the tail). */
    private boolean isPrefix(int kept) {
        int firstKept = mask.length - kept;
        for (int i = 0; i < mask.length; i++) if (mask[i] != (i < firstKept)) return false;
        return kept > 0 && kept < mask.length;
    }

    /** Sums rows of a [rows, width] contiguous block into out: the bias-gradient case, no transpose. */
    private static void sumLeadingRows(Tensor x, Tensor out, int rowsCount, int width) {
        float[] xs = x.storage().floats(), os = out.storage().floats();
        int xo = x.offset();
        Parallel.forRange(width, Math.max(16, Elementwise.GRAIN / Math.max(1, rowsCount)), (c0, c1) -> {
            for (int r = 0; r < rowsCount; r++) FloatKernels.accumulate(xs, xo + r * width + c0, os, c0, c1 - c0);
        });
    }

    private static float maxOrNaN(float[] x, int off, int n) {
        float m = FloatKernels.max(x, off, n);
        if (m == m) return m;
        return Float.NaN;
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) {
        Tensor x = in[0];
        int[] keptShape = keptShape(x.shape());
        Tensor gk = g.reshape(keptShape).expand(x.shape());
        Tensor yk = out.reshape(keptShape);
        return new Tensor[] {switch (kind) {
            case SUM -> gk;
            case PROD -> {
                Tensor zero = x.eq(0);
                // zeros replaced by 1: the product of the non-zero entries, and a divisor whose masked-out
                // branch stays finite (y / 0 there would make the double backward NaN through where)
                Tensor safe = Nabla.where(zero, Nabla.scalarLike(1, x), x);
                Tensor nonZeroProd = ReduceOps.prod(safe, maskDims(), true);
                Tensor zeros = zero.to(x.dtype()).sum(maskDims(), true);
                Tensor others = Nabla.where(zero, Nabla.where(zeros.eq(1), nonZeroProd, Nabla.scalarLike(0, x)), yk.div(safe));
                yield gk.mul(others);
            }
            case AMAX, AMIN -> {
                Tensor hit = x.eq(yk).to(x.dtype());
                yield gk.mul(hit).div(hit.sum(maskDims(), true));
            }
            default -> throw new UnsupportedOperationException(name() + " is not differentiable");
        }};
    }

    private int[] keptShape(int[] in) {
        int[] s = in.clone();
        for (int i = 0; i < s.length; i++) if (mask[i]) s[i] = 1;
        return s;
    }

    private int[] maskDims() {
        int n = 0;
        for (boolean m : mask) if (m) n++;
        int[] d = new int[n];
        for (int i = 0, k = 0; i < mask.length; i++) if (mask[i]) d[k++] = i;
        return d;
    }

    @Override
    public Tensor batch(Tensor[] in, boolean[] batched) {
        boolean[] m = new boolean[mask.length + 1];
        System.arraycopy(mask, 0, m, 1, mask.length);
        return Dispatch.call(new ReduceOp(kind, m, keepDim), in[0]);
    }
}
