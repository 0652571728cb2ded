package dev.nabla.ops;

import dev.nabla.DType;
import dev.nabla.Shapes;
import dev.nabla.Storage;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.cpu.Simd;

/**
 * Drivers for elementwise kernels: broadcasting, strides, dtypes and threading. float32 rows go to
 * the vector loops in {@link FloatKernels}; other dtypes and strided rows use the scalar formulas.
 */
public final class Elementwise {
    /** Elements per parallel task: below this an op runs on the calling thread. */
    static final int GRAIN = 1 << 16;

    private Elementwise() {}

    static Tensor unary(UnaryFn fn, Tensor x, double a, double b) {
        DType outType = fn.resultType(x.dtype());
        Tensor src = x.dtype() == outType || fn.resultType(x.dtype()) == DType.BOOL ? x : Conversions.convert(x, outType);
        Tensor out = Tensor.empty(outType, x.shape());
        int n = out.numel();
        if (n == 0) return out;
        if (outType == DType.FLOAT32 && src.dtype() == DType.FLOAT32 && src.isContiguous()) {
            float[] xs = src.storage().floats(), os = out.storage().floats();
            int xo = src.offset();
            float fa = (float) a, fb = (float) b;
            Parallel.forRange(n, GRAIN, (s, e) -> {
                if (!Simd.AVAILABLE || !FloatKernels.unary(fn, xs, xo + s, os, s, e - s, fa, fb))
                    for (int i = s; i < e; i++) os[i] = (float) fn.apply(xs[xo + i], a, b);
            });
            return out;
        }
        StridedIter it = new StridedIter(x.shape(), new int[][] {out.stride(), src.stride()}, new int[] {0, src.offset()});
        Storage os = out.storage(), xs = src.storage();
        int rl = it.rowLength, xstr = it.operandStride(1);
        Parallel.forRange(it.rows, Math.max(1, GRAIN / rl), (r0, r1) -> {
            int[] offs = new int[2];
            for (int r = r0; r < r1; r++) {
                it.rowOffsets(r, offs);
                if (outType == DType.FLOAT32 && xs.dtype() == DType.FLOAT32 && xstr == 1 && Simd.AVAILABLE
                        && FloatKernels.unary(fn, xs.floats(), offs[1], os.floats(), offs[0], rl, (float) a, (float) b)) {
                    continue; // a strided view with contiguous rows (a chunk, a column slice): vector loop per row
                }
                if (outType == DType.FLOAT64 && xs.dtype() == DType.FLOAT64) {
                    double[] od = os.doubles(), xd = xs.doubles();
                    for (int i = 0, xi = offs[1]; i < rl; i++, xi += xstr) od[offs[0] + i] = fn.apply(xd[xi], a, b);
                } else {
                    for (int i = 0, xi = offs[1]; i < rl; i++, xi += xstr) os.setDouble(offs[0] + i, fn.apply(xs.getDouble(xi), a, b));
                }
            }
        });
        return out;
    }

    static Tensor binary(BinaryFn fn, Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast(fn.opName(), a.shape(), b.shape());
        DType ct = fn.computeType(a.dtype(), b.dtype());
        Tensor ac = a.dtype() == ct ? a : Conversions.convert(a, ct);
        Tensor bc = b.dtype() == ct ? b : Conversions.convert(b, ct);
        Tensor out = Tensor.empty(fn.resultType(a.dtype(), b.dtype()), shape);
        int n = out.numel();
        if (n == 0) return out;
        if (ct == DType.FLOAT32 && out.dtype() == DType.FLOAT32 && Simd.AVAILABLE && binaryFloatFast(fn, ac, bc, out, n)) return out;

        StridedIter it = new StridedIter(shape,
                new int[][] {out.stride(), broadcastStrides(ac, shape), broadcastStrides(bc, shape)},
                new int[] {0, ac.offset(), bc.offset()});
        Storage os = out.storage(), as = ac.storage(), bs = bc.storage();
        int rl = it.rowLength, astr = it.operandStride(1), bstr = it.operandStride(2);
        boolean exactInts = !ct.isFloatingPoint() && fn.integerExact();
        Parallel.forRange(it.rows, Math.max(1, GRAIN / rl), (r0, r1) -> {
            int[] offs = new int[3];
            for (int r = r0; r < r1; r++) {
                it.rowOffsets(r, offs);
                int o = offs[0], ai = offs[1], bi = offs[2];
                if (ct == DType.FLOAT32 && out.dtype() == DType.FLOAT32) {
                    float[] od = os.floats(), ad = as.floats(), bd = bs.floats();
                    if (Simd.AVAILABLE && astr == 1 && bstr == 1 && FloatKernels.binaryVV(fn, ad, ai, bd, bi, od, o, rl)) continue;
                    if (Simd.AVAILABLE && astr == 1 && bstr == 0 && FloatKernels.binaryVS(fn, ad, ai, bd[bi], false, od, o, rl)) continue;
                    if (Simd.AVAILABLE && astr == 0 && bstr == 1 && FloatKernels.binaryVS(fn, bd, bi, ad[ai], true, od, o, rl)) continue;
                    for (int i = 0; i < rl; i++, ai += astr, bi += bstr) od[o + i] = (float) fn.apply(ad[ai], bd[bi]);
                } else if (ct == DType.FLOAT64 && out.dtype() == DType.FLOAT64) {
                    double[] od = os.doubles(), ad = as.doubles(), bd = bs.doubles();
                    for (int i = 0; i < rl; i++, ai += astr, bi += bstr) od[o + i] = fn.apply(ad[ai], bd[bi]);
                } else if (exactInts) {
                    for (int i = 0; i < rl; i++, ai += astr, bi += bstr) os.setLong(o + i, integerApply(fn, as.getLong(ai), bs.getLong(bi)));
                } else {
                    for (int i = 0; i < rl; i++, ai += astr, bi += bstr) os.setDouble(o + i, fn.apply(as.getDouble(ai), bs.getDouble(bi)));
                }
            }
        });
        return out;
    }

    /** Whole-tensor vector paths: same-shape contiguous operands, or a one-element operand. */
    private static boolean binaryFloatFast(BinaryFn fn, Tensor a, Tensor b, Tensor out, int n) {
        if (!hasVectorForm(fn)) return false;
        float[] od = out.storage().floats();
        boolean aFull = a.numel() == n && a.isContiguous(), bFull = b.numel() == n && b.isContiguous();
        if (aFull && bFull) {
            float[] ad = a.storage().floats(), bd = b.storage().floats();
            int ao = a.offset(), bo = b.offset();
            Parallel.forRange(n, GRAIN, (s, e) -> FloatKernels.binaryVV(fn, ad, ao + s, bd, bo + s, od, s, e - s));
            return true;
        }
        if (aFull && b.numel() == 1 || bFull && a.numel() == 1) {
            boolean scalarFirst = !aFull; // a is the one-element operand
            Tensor v = scalarFirst ? b : a, s = scalarFirst ? a : b;
            float sv = s.storage().floats()[s.offset()];
            float[] vd = v.storage().floats();
            int vo = v.offset();
            Parallel.forRange(n, GRAIN, (st, e) -> FloatKernels.binaryVS(fn, vd, vo + st, sv, scalarFirst, od, st, e - st));
            return true;
        }
        return false;
    }

    private static boolean hasVectorForm(BinaryFn fn) {
        return switch (fn) {
            case ADD, SUB, MUL, DIV, MAXIMUM, MINIMUM, THRESHOLD_BACKWARD -> true;
            default -> false;
        };
    }

    private static long integerApply(BinaryFn fn, long a, long b) {
        return switch (fn) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case MAXIMUM -> Math.max(a, b);
            case MINIMUM -> Math.min(a, b);
            case EQ -> a == b ? 1 : 0;
            case NE -> a != b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case LOGICAL_AND -> a != 0 && b != 0 ? 1 : 0;
            case LOGICAL_OR -> a != 0 || b != 0 ? 1 : 0;
            case LOGICAL_XOR -> (a != 0) != (b != 0) ? 1 : 0;
            default -> throw new IllegalStateException(fn + " is not an exact integer function");
        };
    }

    /** Strides of t as seen from a broadcast target shape (0 where t is broadcast). */
    static int[] broadcastStrides(Tensor t, int[] shape) {
        int[] ts = t.shape(), st = t.stride();
        int[] r = new int[shape.length];
        int off = shape.length - ts.length;
        for (int i = 0; i < ts.length; i++) r[off + i] = ts[i] == 1 && shape[off + i] != 1 ? 0 : st[i];
        return r;
    }

    /** Copies src (same shape, same dtype) into dst's elements, honouring both tensors' strides. */
    public static void copyInto(Tensor value, Tensor dst) {
        int[] shape = dst.shape();
        if (dst.numel() == 0) return; // an empty view may sit past the end of its array
        Tensor src = value.dtype() == dst.dtype() ? value : Conversions.convert(value, dst.dtype());
        StridedIter it = new StridedIter(shape, new int[][] {dst.stride(), broadcastStrides(src, shape)},
                new int[] {dst.offset(), src.offset()});
        Object dArr = dst.storage().array(), sArr = src.storage().array();
        int rl = it.rowLength, dstr = it.operandStride(0), sstr = it.operandStride(1);
        Parallel.forRange(it.rows, Math.max(1, GRAIN / Math.max(1, rl)), (r0, r1) -> {
            int[] offs = new int[2];
            for (int r = r0; r < r1; r++) {
                it.rowOffsets(r, offs);
                if (dstr == 1 && sstr == 1) {
                    System.arraycopy(sArr, offs[1], dArr, offs[0], rl);
                } else {
                    Storage d = dst.storage(), s = src.storage();
                    copyStrided(s, offs[1], sstr, d, offs[0], dstr, rl);
                }
            }
        });
    }

    private static void copyStrided(Storage s, int si, int sstr, Storage d, int di, int dstr, int n) {
        switch (d.dtype()) {
            case FLOAT32 -> { float[] a = s.floats(), b = d.floats(); for (int i = 0; i < n; i++, si += sstr, di += dstr) b[di] = a[si]; }
            case FLOAT64 -> { double[] a = s.doubles(), b = d.doubles(); for (int i = 0; i < n; i++, si += sstr, di += dstr) b[di] = a[si]; }
            case INT32 -> { int[] a = s.ints(), b = d.ints(); for (int i = 0; i < n; i++, si += sstr, di += dstr) b[di] = a[si]; }
            case INT64 -> { long[] a = s.longs(), b = d.longs(); for (int i = 0; i < n; i++, si += sstr, di += dstr) b[di] = a[si]; }
            case BOOL -> { boolean[] a = s.bools(), b = d.bools(); for (int i = 0; i < n; i++, si += sstr, di += dstr) b[di] = a[si]; }
        }
    }

}
