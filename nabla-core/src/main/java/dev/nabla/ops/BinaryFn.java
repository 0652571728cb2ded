package dev.nabla.ops;

import dev.nabla.DType;
import dev.nabla.Dispatch;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/**
 * The catalog of broadcasting elementwise functions of two tensors: value, derivatives with respect
 * to both operands (as Tensor ops, before reduction to each operand's shape) and result dtype.
 */
public enum BinaryFn {
    ADD(Kind.ARITHMETIC) {
        public double apply(double a, double b) { return a + b; }
        Tensor da(Tensor a, Tensor b, Tensor y, Tensor g) { return g; }
        Tensor db(Tensor a, Tensor b, Tensor y, Tensor g) { return g; }
    },
    SUB(Kind.ARITHMETIC) {
        public double apply(double a, double b) { return a - b; }
        Tensor da(Tensor a, Tensor b, Tensor y, Tensor g) { return g; }
        Tensor db(Tensor a, Tensor b, Tensor y, Tensor g) { return g.neg(); }
    },
    MUL(Kind.ARITHMETIC) {
        public double apply(double a, double b) { return a * b; }
        Tensor da(Tensor a, Tensor b, Tensor y, Tensor g) { return g.mul(b); }
        Tensor db(Tensor a, Tensor b, Tensor y, Tensor g) { return g.mul(a); }
    },
    DIV(Kind.TRUE_DIVISION) {
        public double apply(double a, double b) { return a / b; }
        Tensor da(Tensor a, Tensor b, Tensor y, Tensor g) { return g.div(b); }
        Tensor db(Tensor a, Tensor b, Tensor y, Tensor g) { return g.mul(a).div(b.square()).neg(); }
    },
    POW(Kind.ARITHMETIC) {
        public double apply(double a, double b) { return Math.pow(a, b); }
        Tensor da(Tensor a, Tensor b, Tensor y, Tensor g) {
            // zero where the exponent is 0, as in PyTorch: at a base of 0 the formula is 0 * 0^-1 = NaN
            return Nabla.where(b.eq(0), Nabla.scalarLike(0, g), g.mul(b).mul(a.pow(b.sub(1))));
        }
        Tensor db(Tensor a, Tensor b, Tensor y, Tensor g) {
            // PyTorch's convention: zero where the base is 0 and the exponent non-negative (log 0 is -inf there).
            Tensor zeroBase = a.eq(0).logicalAnd(b.ge(0));
            // log of a safe base in the masked-out branch, so that differentiating this rule again stays finite
            Tensor safeBase = Nabla.where(zeroBase, Nabla.scalarLike(1, a), a);
            return Nabla.where(zeroBase, Nabla.scalarLike(0, g), g.mul(y).mul(safeBase.log()));
        }
    },
    MAXIMUM(Kind.ARITHMETIC) {
        public double apply(double a, double b) { return a != a || b != b ? Double.NaN : Math.max(a, b); }
        Tensor da(Tensor a, Tensor b, Tensor y, Tensor g) { return tieSplit(a.gt(b), a.eq(b), g); }
        Tensor db(Tensor a, Tensor b, Tensor y, Tensor g) { return tieSplit(b.gt(a), a.eq(b), g); }
    },
    MINIMUM(Kind.ARITHMETIC) {
        public double apply(double a, double b) { return a != a || b != b ? Double.NaN : Math.min(a, b); }
        Tensor da(Tensor a, Tensor b, Tensor y, Tensor g) { return tieSplit(a.lt(b), a.eq(b), g); }
        Tensor db(Tensor a, Tensor b, Tensor y, Tensor g) { return tieSplit(b.lt(a), a.eq(b), g); }
    },
    /**
     * ReLU's backward: the gradient a where the input b is positive, else 0 (PyTorch's threshold_backward).
     * One pass instead of compare, cast and multiply; linear in a, and piecewise constant in b.
     */
    THRESHOLD_BACKWARD(Kind.ARITHMETIC) {
        public double apply(double a, double b) { return b > 0 ? a : 0; }
        Tensor da(Tensor a, Tensor b, Tensor y, Tensor g) { return Dispatch.call(op(), g, b); }
        Tensor db(Tensor a, Tensor b, Tensor y, Tensor g) { return g.mul(0); }
    },
    ATAN2(Kind.TRUE_DIVISION) {
        public double apply(double a, double b) { return Math.atan2(a, b); }
        Tensor da(Tensor a, Tensor b, Tensor y, Tensor g) { return g.mul(b).div(a.square().add(b.square())); }
        Tensor db(Tensor a, Tensor b, Tensor y, Tensor g) { return g.mul(a).neg().div(a.square().add(b.square())); }
    },
    EQ(Kind.COMPARISON) { public double apply(double a, double b) { return a == b ? 1 : 0; } },
    NE(Kind.COMPARISON) { public double apply(double a, double b) { return a != b ? 1 : 0; } },
    LT(Kind.COMPARISON) { public double apply(double a, double b) { return a < b ? 1 : 0; } },
    LE(Kind.COMPARISON) { public double apply(double a, double b) { return a <= b ? 1 : 0; } },
    GT(Kind.COMPARISON) { public double apply(double a, double b) { return a > b ? 1 : 0; } },
    GE(Kind.COMPARISON) { public double apply(double a, double b) { return a >= b ? 1 : 0; } },
    LOGICAL_AND(Kind.COMPARISON) { public double apply(double a, double b) { return a != 0 && b != 0 ? 1 : 0; } },
    LOGICAL_OR(Kind.COMPARISON) { public double apply(double a, double b) { return a != 0 || b != 0 ? 1 : 0; } },
    LOGICAL_XOR(Kind.COMPARISON) { public double apply(double a, double b) { return (a != 0) != (b != 0) ? 1 : 0; } };

    enum Kind { ARITHMETIC, TRUE_DIVISION, COMPARISON }

    private final Kind kind;
    private final BinaryOp op;

    BinaryFn(Kind kind) {
        this.kind = kind;
        this.op = new BinaryOp(this);
    }

    public abstract double apply(double a, double b);

    Tensor da(Tensor a, Tensor b, Tensor y, Tensor g) {
        throw new UnsupportedOperationException(opName() + " is not differentiable");
    }

    Tensor db(Tensor a, Tensor b, Tensor y, Tensor g) {
        throw new UnsupportedOperationException(opName() + " is not differentiable");
    }

    /** max/min send the gradient to the winner and split it evenly on ties, as PyTorch does. */
    private static Tensor tieSplit(Tensor wins, Tensor ties, Tensor g) {
        return g.mul(wins.to(g.dtype()).add(ties.to(g.dtype()).mul(0.5)));
    }

    boolean differentiable() {
        return kind != Kind.COMPARISON;
    }

    /** Integer operands can be computed exactly on longs (arithmetic that stays integer, and comparisons). */
    boolean integerExact() {
        return this == ADD || this == SUB || this == MUL || this == MAXIMUM || this == MINIMUM || kind == Kind.COMPARISON;
    }

    /** The dtype the operands are converted to before computing. */
    DType computeType(DType a, DType b) {
        DType p = DType.promote(a, b);
        if (kind == Kind.TRUE_DIVISION && !p.isFloatingPoint()) return DType.FLOAT32;
        if (this == POW && !p.isFloatingPoint()) return p == DType.BOOL ? DType.INT64 : p;
        if (kind == Kind.ARITHMETIC && p == DType.BOOL) return DType.INT64;
        return p;
    }

    DType resultType(DType a, DType b) {
        return kind == Kind.COMPARISON ? DType.BOOL : computeType(a, b);
    }

    public String opName() {
        return name().toLowerCase();
    }

    public Op op() {
        return op;
    }
}
