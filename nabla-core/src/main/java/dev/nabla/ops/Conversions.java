package dev.nabla.ops;

import dev.nabla.DType;
import dev.nabla.Dispatch;
import dev.nabla.Shapes;
import dev.nabla.Storage;
import dev.nabla.Tensor;

/** dtype casts (differentiable between floating types), contiguous copies and comparisons. */
public final class Conversions {
    private Conversions() {}

    /** The cast op to target; gradients flow back cast to the source dtype. */
    public static Op cast(DType target) {
        return new Op() {
            @Override public String name() { return "to_" + target.pyName(); }
            @Override public Tensor forward(Tensor[] in) { return convert(in[0], target); }
            @Override public boolean isDifferentiable() { return target.isFloatingPoint(); }
            @Override public boolean backwardUsesInputs() { return false; }
            @Override public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) {
                return new Tensor[] {g.to(in[0].dtype())};
            }
            @Override public Tensor batch(Tensor[] in, boolean[] batched) { return Dispatch.call(this, in[0]); }
        };
    }

    /** A contiguous copy of t converted to target (dense tensors only; no autograd). */
    static Tensor convert(Tensor t, DType target) {
        Tensor out = Tensor.empty(target, t.shape());
        int n = out.numel();
        if (n == 0) return out;
        Tensor src = t;
        if (!t.isContiguous()) {
            src = Tensor.empty(t.dtype(), t.shape());
            Elementwise.copyInto(t, src);
            if (t.dtype() == target) return src;
        }
        Storage s = src.storage(), d = out.storage();
        int off = src.offset();
        DType from = s.dtype();
        if (from == target) {
            System.arraycopy(s.array(), off, d.array(), 0, n);
        } else if (from == DType.FLOAT32 && target == DType.FLOAT64) {
            float[] a = s.floats(); double[] b = d.doubles();
            for (int i = 0; i < n; i++) b[i] = a[off + i];
        } else if (from == DType.FLOAT64 && target == DType.FLOAT32) {
            double[] a = s.doubles(); float[] b = d.floats();
            for (int i = 0; i < n; i++) b[i] = (float) a[off + i];
        } else if (!from.isFloatingPoint() && !target.isFloatingPoint()) {
            for (int i = 0; i < n; i++) d.setLong(i, s.getLong(off + i));
        } else {
            for (int i = 0; i < n; i++) d.setDouble(i, s.getDouble(off + i));
        }
        return out;
    }


    /**
     * A fresh contiguous tensor of dtype target holding t's values from offset 0, so callers may hand
     * out its array without exposing t's storage.
     */
    public static Tensor contiguousAs(Tensor t, DType target) {
        if (t.isBatched())
            throw new UnsupportedOperationException("cannot read the values of a batched tensor inside vmap; return it from the vmapped function instead");
        return convert(t.detach(), target);
    }

    public static boolean allclose(Tensor a, Tensor b, double rtol, double atol) {
        int[] shape = Shapes.broadcast("allclose", a.shape(), b.shape());
        double[] x = a.expand(shape).toDoubleArray(), y = b.expand(shape).toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) return false;
            if (x[i] == y[i]) continue;
            if (!(Math.abs(x[i] - y[i]) <= atol + rtol * Math.abs(y[i]))) return false;
        }
        return true;
    }

    public static boolean equal(Tensor a, Tensor b) {
        if (!java.util.Arrays.equals(a.shape(), b.shape())) return false;
        double[] x = a.toDoubleArray(), y = b.toDoubleArray();
        for (int i = 0; i < x.length; i++) if (!(x[i] == y[i])) return false;
        return true;
    }
}
