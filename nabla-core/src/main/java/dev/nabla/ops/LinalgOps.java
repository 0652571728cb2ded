package dev.nabla.ops;

import dev.nabla.Dispatch;
import dev.nabla.Shapes;
import dev.nabla.Tensor;

/** matmul with NumPy semantics (1-D operands through views), mm, bmm, dot, outer. */
public final class LinalgOps {
    private LinalgOps() {}

    public static Tensor matmul(Tensor a, Tensor b) {
        if (a.dim() == 0 || b.dim() == 0)
            throw new IllegalArgumentException("matmul: both operands need at least 1 dim, got shapes " + Shapes.str(a.shape()) + " and " + Shapes.str(b.shape()));
        // check the contraction here, so that a vector operand is named as given, not as the [1, k] / [k, 1] it becomes
        int k = a.size(-1), k2 = b.size(b.dim() == 1 ? 0 : -2);
        if (k != k2)
            throw new IllegalArgumentException("matmul: shapes " + Shapes.str(a.shape()) + " and " + Shapes.str(b.shape()) + " do not align (" + k + " != " + k2 + ")");
        if (a.dim() == 1 && b.dim() == 1) return dot(a, b);
        if (a.dim() == 1) return matmul(a.unsqueeze(0), b).squeeze(-2);
        if (b.dim() == 1) return matmul(a, b.unsqueeze(-1)).squeeze(-1);
        return Dispatch.call(MatMulOp.INSTANCE, a, b);
    }

    public static Tensor mm(Tensor a, Tensor b) {
        if (a.dim() != 2 || b.dim() != 2)
            throw new IllegalArgumentException("mm: expects two matrices, got shapes " + Shapes.str(a.shape()) + " and " + Shapes.str(b.shape()));
        return Dispatch.call(MatMulOp.INSTANCE, a, b);
    }

    public static Tensor bmm(Tensor a, Tensor b) {
        if (a.dim() != 3 || b.dim() != 3 || a.size(0) != b.size(0))
            throw new IllegalArgumentException("bmm: expects [b, n, k] and [b, k, m] with equal b, got shapes "
                    + Shapes.str(a.shape()) + " and " + Shapes.str(b.shape()));
        return Dispatch.call(MatMulOp.INSTANCE, a, b);
    }

    public static Tensor dot(Tensor a, Tensor b) {
        if (a.dim() != 1 || b.dim() != 1 || a.size(0) != b.size(0))
            throw new IllegalArgumentException("dot: expects two vectors of equal length, got shapes " + Shapes.str(a.shape()) + " and " + Shapes.str(b.shape()));
        return Dispatch.call(MatMulOp.INSTANCE, a.unsqueeze(0), b.unsqueeze(1)).reshape();
    }

    public static Tensor outer(Tensor a, Tensor b) {
        if (a.dim() != 1 || b.dim() != 1)
            throw new IllegalArgumentException("outer: expects two vectors, got shapes " + Shapes.str(a.shape()) + " and " + Shapes.str(b.shape()));
        return a.unsqueeze(1).mul(b.unsqueeze(0));
    }
}
