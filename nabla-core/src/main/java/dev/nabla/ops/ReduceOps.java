package dev.nabla.ops;

import dev.nabla.DType;
import dev.nabla.Dispatch;
import dev.nabla.Nabla;
import dev.nabla.Shapes;
import dev.nabla.Tensor;
import java.util.Arrays;

/** Reductions: the primitive ones dispatch {@link ReduceOp}; mean, var, logsumexp and norm are composites. */
public final class ReduceOps {
    private ReduceOps() {}

    private static Tensor reduce(ReduceKind kind, String op, Tensor x, int[] dims, boolean keepDim) {
        return Dispatch.call(new ReduceOp(kind, Shapes.dimMask(op, dims, x.dim()), keepDim), x);
    }

    public static Tensor sum(Tensor x, int[] dims, boolean keepDim) { return reduce(ReduceKind.SUM, "sum", x, dims, keepDim); }
    public static Tensor prod(Tensor x, int[] dims, boolean keepDim) { return reduce(ReduceKind.PROD, "prod", x, dims, keepDim); }
    public static Tensor amax(Tensor x, int[] dims, boolean keepDim) { return reduce(ReduceKind.AMAX, "amax", x, dims, keepDim); }
    public static Tensor amin(Tensor x, int[] dims, boolean keepDim) { return reduce(ReduceKind.AMIN, "amin", x, dims, keepDim); }
    public static Tensor all(Tensor x, int[] dims, boolean keepDim) { return reduce(ReduceKind.ALL, "all", x, dims, keepDim); }
    public static Tensor any(Tensor x, int[] dims, boolean keepDim) { return reduce(ReduceKind.ANY, "any", x, dims, keepDim); }

    public static Tensor argmax(Tensor x, Integer dim, boolean keepDim) {
        return dim == null ? reduce(ReduceKind.ARGMAX, "argmax", x.reshape(-1), null, false) : reduce(ReduceKind.ARGMAX, "argmax", x, new int[] {dim}, keepDim);
    }

    public static Tensor argmin(Tensor x, Integer dim, boolean keepDim) {
        return dim == null ? reduce(ReduceKind.ARGMIN, "argmin", x.reshape(-1), null, false) : reduce(ReduceKind.ARGMIN, "argmin", x, new int[] {dim}, keepDim);
    }

    /** Number of elements reduced over by dims. */
    private static int count(Tensor x, String op, int[] dims) {
        boolean[] m = Shapes.dimMask(op, dims, x.dim());
        int n = 1;
        int[] s = x.shape();
        for (int i = 0; i < s.length; i++) if (m[i]) n *= s[i];
        return n;
    }

    public static Tensor mean(Tensor x, int[] dims, boolean keepDim) {
        if (!x.dtype().isFloatingPoint())
            throw new IllegalArgumentException("mean: needs a floating-point tensor, got " + x.dtype() + "; convert with toFloat() first");
        return sum(x, dims, keepDim).div(count(x, "mean", dims));
    }

    public static Tensor var(Tensor x, int[] dims, boolean unbiased, boolean keepDim) {
        if (!x.dtype().isFloatingPoint()) throw new IllegalArgumentException("var: needs a floating-point tensor, got " + x.dtype());
        int n = count(x, "var", dims);
        Tensor centered = x.sub(mean(x, dims, true));
        return sum(centered.square(), dims, keepDim).div(unbiased ? n - 1 : n);
    }

    /** log(sum(exp(x))) with the max shifted out so that large inputs do not overflow. */
    public static Tensor logsumexp(Tensor x, int[] dims, boolean keepDim) {
        Tensor m = amax(x, dims, true).detach();
        m = Nabla.where(m.abs().eq(Double.POSITIVE_INFINITY), Nabla.scalarLike(0, m), m);
        Tensor r = sum(x.sub(m).exp(), dims, true).log().add(m);
        return keepDim ? r : r.reshape(ReduceOpShapes.dropped(x.shape(), Shapes.dimMask("logsumexp", dims, x.dim())));
    }

    public static Tensor norm(Tensor x, double p, int[] dims, boolean keepDim) {
        if (p == 2) {
            // sqrt has an infinite slope at 0; route zero norms through a safe branch so the gradient is 0 there, as in PyTorch
            Tensor ss = sum(x.square(), dims, keepDim);
            Tensor zero = ss.eq(0);
            Tensor safe = Nabla.where(zero, Nabla.scalarLike(1, ss), ss);
            return Nabla.where(zero, Nabla.scalarLike(0, ss), safe.sqrt());
        }
        if (p == 1) return sum(x.abs(), dims, keepDim);
        if (p == Double.POSITIVE_INFINITY) return amax(x.abs(), dims, keepDim);
        if (p == Double.NEGATIVE_INFINITY) return amin(x.abs(), dims, keepDim);
        if (p == 0) return sum(x.ne(0).to(x.dtype()), dims, keepDim);
        return sum(x.abs().pow(p), dims, keepDim).pow(1 / p);
    }

    public static Tensor softmax(Tensor x, int dim) {
        return Dispatch.call(new SoftmaxOp(Shapes.dim("softmax", dim, x.dim()), false), floating("softmax", x));
    }

    public static Tensor logSoftmax(Tensor x, int dim) {
        return Dispatch.call(new SoftmaxOp(Shapes.dim("logSoftmax", dim, x.dim()), true), floating("logSoftmax", x));
    }

    private static Tensor floating(String op, Tensor x) {
        return x.dtype().isFloatingPoint() ? x : x.to(DType.FLOAT32);
    }

    /** Sums a broadcast gradient back to the shape of the operand it came from. */
    public static Tensor sumToShape(Tensor g, int[] shape) {
        int[] gs = g.shape();
        if (Arrays.equals(gs, shape)) return g;
        int lead = gs.length - shape.length;
        int[] dims = new int[gs.length];
        int n = 0;
        for (int i = 0; i < gs.length; i++)
            if (i < lead || shape[i - lead] == 1 && gs[i] != 1) dims[n++] = i;
        Tensor r = n == 0 ? g : sum(g, Arrays.copyOf(dims, n), true);
        return r.reshape(shape);
    }

    /** Shape helpers shared by composite reductions. */
    static final class ReduceOpShapes {
        private ReduceOpShapes() {}

        static int[] dropped(int[] shape, boolean[] mask) {
            int n = 0;
            for (boolean m : mask) if (!m) n++;
            int[] r = new int[n];
            for (int i = 0, k = 0; i < shape.length; i++) if (!mask[i]) r[k++] = shape[i];
            return r;
        }
    }
}
