package dev.nabla.ops;

import dev.nabla.DType;
import dev.nabla.Dispatch;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/**
 * The catalog of elementwise functions of one tensor: each entry states its value (scalar formula,
 * used for float64 and the integer dtypes; float32 has vectorised kernels in {@link FloatKernels}),
 * its derivative as Tensor ops, and which dtype it returns. a and b are the optional parameters
 * (slope, alpha, beta/threshold, min/max, exponent).
 */
public enum UnaryFn {
    NEG(Kind.KEEPS_DTYPE) {
        public double apply(double x, double a, double b) { return -x; }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return g.neg(); }
    },
    ABS(Kind.KEEPS_DTYPE) {
        public double apply(double x, double a, double b) { return Math.abs(x); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return g.mul(x.sign()); }
    },
    SIGN(Kind.KEEPS_DTYPE) {
        public double apply(double x, double a, double b) { return Double.isNaN(x) ? x : Math.signum(x); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return g.mul(0); }
    },
    EXP(Kind.FLOATING) {
        public double apply(double x, double a, double b) { return Math.exp(x); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return g.mul(y); }
    },
    LOG(Kind.FLOATING) {
        public double apply(double x, double a, double b) { return Math.log(x); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return g.div(x); }
    },
    LOG1P(Kind.FLOATING) {
        public double apply(double x, double a, double b) { return Math.log1p(x); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return g.div(x.add(1)); }
    },
    EXPM1(Kind.FLOATING) {
        public double apply(double x, double a, double b) { return Math.expm1(x); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return g.mul(y.add(1)); }
    },
    SQRT(Kind.FLOATING) {
        public double apply(double x, double a, double b) { return Math.sqrt(x); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return g.div(y.mul(2)); }
    },
    RSQRT(Kind.FLOATING) {
        public double apply(double x, double a, double b) { return 1 / Math.sqrt(x); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return g.mul(y.pow(3)).mul(-0.5); }
    },
    RECIPROCAL(Kind.FLOATING) {
        public double apply(double x, double a, double b) { return 1 / x; }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return g.mul(y.square()).neg(); }
    },
    SQUARE(Kind.KEEPS_DTYPE) {
        public double apply(double x, double a, double b) { return x * x; }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return g.mul(x).mul(2); }
    },
    SIN(Kind.FLOATING) {
        public double apply(double x, double a, double b) { return Math.sin(x); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return g.mul(x.cos()); }
    },
    COS(Kind.FLOATING) {
        public double apply(double x, double a, double b) { return Math.cos(x); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return g.mul(x.sin()).neg(); }
    },
    TANH(Kind.FLOATING) {
        public double apply(double x, double a, double b) { return Math.tanh(x); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return g.mul(y.square().rsub(1)); }
    },
    SIGMOID(Kind.FLOATING) {
        public double apply(double x, double a, double b) { return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return g.mul(y.mul(y.rsub(1))); }
    },
    ERF(Kind.FLOATING) {
        public double apply(double x, double a, double b) { return SpecialFunctions.erf(x); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) {
            return g.mul(x.square().neg().exp().mul(2 / Math.sqrt(Math.PI)));
        }
    },
    RELU(Kind.KEEPS_DTYPE) {
        public double apply(double x, double a, double b) { return x > 0 ? x : x == x ? 0 : x; }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return Dispatch.call(BinaryFn.THRESHOLD_BACKWARD.op(), g, x); }
    },
    LEAKY_RELU(Kind.FLOATING) {
        public double apply(double x, double a, double b) { return x > 0 ? x : x * a; }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) {
            return g.mul(Nabla.where(x.gt(0), Nabla.scalarLike(1, g), Nabla.scalarLike(a, g)));
        }
    },
    ELU(Kind.FLOATING) {
        public double apply(double x, double a, double b) { return x > 0 ? x : a * Math.expm1(x); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return Nabla.where(x.gt(0), g, g.mul(y.add(a))); }
    },
    GELU(Kind.FLOATING) {
        public double apply(double x, double a, double b) { return 0.5 * x * (1 + SpecialFunctions.erf(x / Math.sqrt(2))); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) {
            Tensor cdf = x.mul(1 / Math.sqrt(2)).erf().add(1).mul(0.5);
            Tensor pdf = x.square().mul(-0.5).exp().mul(1 / Math.sqrt(2 * Math.PI));
            return g.mul(cdf.add(x.mul(pdf)));
        }
    },
    GELU_TANH(Kind.FLOATING) {
        public double apply(double x, double a, double b) { return 0.5 * x * (1 + Math.tanh(GELU_K * (x + 0.044715 * x * x * x))); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) {
            Tensor t = x.add(x.pow(3).mul(0.044715)).mul(GELU_K).tanh();
            Tensor inner = x.square().mul(3 * 0.044715).add(1).mul(GELU_K);
            return g.mul(t.add(1).mul(0.5).add(x.mul(0.5).mul(t.square().rsub(1)).mul(inner)));
        }
    },
    SILU(Kind.FLOATING) {
        public double apply(double x, double a, double b) { return x * SIGMOID.apply(x, 0, 0); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) {
            Tensor s = x.sigmoid();
            return g.mul(s.mul(x.mul(s.rsub(1)).add(1)));
        }
    },
    /** (1/beta) log(1 + exp(beta x)), linear above beta x > threshold (a = beta, b = threshold). */
    SOFTPLUS(Kind.FLOATING) {
        public double apply(double x, double a, double b) { return a * x > b ? x : Math.log1p(Math.exp(a * x)) / a; }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) {
            Tensor bx = x.mul(a);
            return Nabla.where(bx.gt(b), g, g.mul(bx.sigmoid()));
        }
    },
    FLOOR(Kind.KEEPS_DTYPE) {
        public double apply(double x, double a, double b) { return Math.floor(x); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return g.mul(0); }
    },
    CEIL(Kind.KEEPS_DTYPE) {
        public double apply(double x, double a, double b) { return Math.ceil(x); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return g.mul(0); }
    },
    ROUND(Kind.KEEPS_DTYPE) {
        public double apply(double x, double a, double b) { return Math.rint(x); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) { return g.mul(0); }
    },
    /** min(max(x, a), b); the gradient passes where a <= x <= b, as in PyTorch. */
    CLAMP(Kind.KEEPS_DTYPE) {
        public double apply(double x, double a, double b) { return x != x ? x : Math.min(Math.max(x, a), b); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) {
            return g.mul(x.ge(a).logicalAnd(x.le(b)).to(g.dtype()));
        }
    },
    /** x to the power a. */
    POW_SCALAR(Kind.FLOATING) {
        public double apply(double x, double a, double b) { return a == 2 ? x * x : Math.pow(x, a); }
        Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) {
            if (a == 0) return g.mul(0);
            return g.mul(x.pow(a - 1).mul(a));
        }
    },
    LOGICAL_NOT(Kind.TO_BOOL) {
        public double apply(double x, double a, double b) { return x == 0 ? 1 : 0; }
    },
    ISNAN(Kind.TO_BOOL) {
        public double apply(double x, double a, double b) { return Double.isNaN(x) ? 1 : 0; }
    };

    static final double GELU_K = Math.sqrt(2 / Math.PI);

    enum Kind { KEEPS_DTYPE, FLOATING, TO_BOOL }

    private final Kind kind;
    private final UnaryOp plain;

    UnaryFn(Kind kind) {
        this.kind = kind;
        this.plain = new UnaryOp(this, 0, 0);
    }

    /** The value at x with parameters a and b. */
    public abstract double apply(double x, double a, double b);

    Tensor derivative(Tensor x, Tensor y, Tensor g, double a, double b) {
        throw new UnsupportedOperationException(opName() + " is not differentiable");
    }

    boolean differentiable() {
        return kind != Kind.TO_BOOL;
    }

    /** Rules reading the output instead of the input. */
    boolean derivativeUsesOutput() {
        return this == EXP || this == EXPM1 || this == SQRT || this == RSQRT || this == RECIPROCAL || this == TANH
                || this == SIGMOID || this == ELU;
    }

    DType resultType(DType in) {
        return switch (kind) {
            case KEEPS_DTYPE -> in == DType.BOOL ? DType.INT64 : in;
            case FLOATING -> in.isFloatingPoint() ? in : DType.FLOAT32;
            case TO_BOOL -> DType.BOOL;
        };
    }

    public String opName() {
        return name().toLowerCase();
    }

    public Op op() {
        return plain;
    }

    public Op op(double a, double b) {
        return new UnaryOp(this, a, b);
    }
}
