package dev.nabla.ops;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorised float32 loops for the hot elementwise functions. Each case spells out its own loop so
 * that the Vector API sees a constant operator (a shared loop taking the operator as a parameter
 * would fall off the intrinsic path). Loaded only when {@code Simd.AVAILABLE}.
 */
final class FloatKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private FloatKernels() {}

    private static FloatVector v(float[] a, int i) {
        return FloatVector.fromArray(S, a, i);
    }

    /** out = fn(a, b) over n contiguous elements; false when fn has no vector form here. */
    static boolean binaryVV(BinaryFn fn, float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        int i = 0, up = S.loopBound(n);
        switch (fn) {
            case ADD -> { for (; i < up; i += L) v(a, ao + i).add(v(b, bo + i)).intoArray(o, oo + i); }
            case SUB -> { for (; i < up; i += L) v(a, ao + i).sub(v(b, bo + i)).intoArray(o, oo + i); }
            case MUL -> { for (; i < up; i += L) v(a, ao + i).mul(v(b, bo + i)).intoArray(o, oo + i); }
            case DIV -> { for (; i < up; i += L) v(a, ao + i).div(v(b, bo + i)).intoArray(o, oo + i); }
            case MAXIMUM -> { for (; i < up; i += L) v(a, ao + i).max(v(b, bo + i)).intoArray(o, oo + i); }
            case MINIMUM -> { for (; i < up; i += L) v(a, ao + i).min(v(b, bo + i)).intoArray(o, oo + i); }
            case THRESHOLD_BACKWARD -> {
                FloatVector zero = FloatVector.zero(S);
                for (; i < up; i += L) zero.blend(v(a, ao + i), v(b, bo + i).compare(VectorOperators.GT, 0f)).intoArray(o, oo + i);
            }
            default -> { return false; }
        }
        for (; i < n; i++) o[oo + i] = (float) fn.apply(a[ao + i], b[bo + i]);
        return true;
    }

    /** out = fn(a, s) (scalarFirst false) or fn(s, a) (scalarFirst true) over n contiguous elements. */
    static boolean binaryVS(BinaryFn fn, float[] a, int ao, float s, boolean scalarFirst, float[] o, int oo, int n) {
        int i = 0, up = S.loopBound(n);
        FloatVector sv = FloatVector.broadcast(S, s);
        switch (fn) {
            case ADD -> { for (; i < up; i += L) v(a, ao + i).add(sv).intoArray(o, oo + i); }
            case MUL -> { for (; i < up; i += L) v(a, ao + i).mul(sv).intoArray(o, oo + i); }
            case MAXIMUM -> { for (; i < up; i += L) v(a, ao + i).max(sv).intoArray(o, oo + i); }
            case MINIMUM -> { for (; i < up; i += L) v(a, ao + i).min(sv).intoArray(o, oo + i); }
            case SUB -> {
                if (scalarFirst) for (; i < up; i += L) sv.sub(v(a, ao + i)).intoArray(o, oo + i);
                else for (; i < up; i += L) v(a, ao + i).sub(sv).intoArray(o, oo + i);
            }
            case DIV -> {
                if (scalarFirst) for (; i < up; i += L) sv.div(v(a, ao + i)).intoArray(o, oo + i);
                else for (; i < up; i += L) v(a, ao + i).div(sv).intoArray(o, oo + i);
            }
            default -> { return false; }
        }
        for (; i < n; i++) o[oo + i] = (float) (scalarFirst ? fn.apply(s, a[ao + i]) : fn.apply(a[ao + i], s));
        return true;
    }

    /** out = fn(x; p, q) over n contiguous elements; false when fn has no vector form here. */
    static boolean unary(UnaryFn fn, float[] x, int xo, float[] o, int oo, int n, float p, float q) {
        int i = 0, up = S.loopBound(n);
        FloatVector one = FloatVector.broadcast(S, 1f), zero = FloatVector.zero(S);
        switch (fn) {
            case NEG -> { for (; i < up; i += L) v(x, xo + i).neg().intoArray(o, oo + i); }
            case ABS -> { for (; i < up; i += L) v(x, xo + i).abs().intoArray(o, oo + i); }
            case SQUARE -> { for (; i < up; i += L) { FloatVector t = v(x, xo + i); t.mul(t).intoArray(o, oo + i); } }
            case EXP -> { for (; i < up; i += L) v(x, xo + i).lanewise(VectorOperators.EXP).intoArray(o, oo + i); }
            case LOG -> { for (; i < up; i += L) v(x, xo + i).lanewise(VectorOperators.LOG).intoArray(o, oo + i); }
            case LOG1P -> { for (; i < up; i += L) v(x, xo + i).lanewise(VectorOperators.LOG1P).intoArray(o, oo + i); }
            case EXPM1 -> { for (; i < up; i += L) v(x, xo + i).lanewise(VectorOperators.EXPM1).intoArray(o, oo + i); }
            case SQRT -> { for (; i < up; i += L) v(x, xo + i).sqrt().intoArray(o, oo + i); }
            case RSQRT -> { for (; i < up; i += L) one.div(v(x, xo + i).sqrt()).intoArray(o, oo + i); }
            case RECIPROCAL -> { for (; i < up; i += L) one.div(v(x, xo + i)).intoArray(o, oo + i); }
            case SIN -> { for (; i < up; i += L) v(x, xo + i).lanewise(VectorOperators.SIN).intoArray(o, oo + i); }
            case COS -> { for (; i < up; i += L) v(x, xo + i).lanewise(VectorOperators.COS).intoArray(o, oo + i); }
            case TANH -> { for (; i < up; i += L) v(x, xo + i).lanewise(VectorOperators.TANH).intoArray(o, oo + i); }
            case SIGMOID -> {
                for (; i < up; i += L) one.div(one.add(v(x, xo + i).neg().lanewise(VectorOperators.EXP))).intoArray(o, oo + i);
            }
            case SILU -> {
                for (; i < up; i += L) {
                    FloatVector t = v(x, xo + i);
                    t.div(one.add(t.neg().lanewise(VectorOperators.EXP))).intoArray(o, oo + i);
                }
            }
            case RELU -> { for (; i < up; i += L) v(x, xo + i).max(zero).intoArray(o, oo + i); }
            case LEAKY_RELU -> {
                FloatVector slope = FloatVector.broadcast(S, p);
                for (; i < up; i += L) {
                    FloatVector t = v(x, xo + i);
                    VectorMask<Float> pos = t.compare(VectorOperators.GT, 0f);
                    t.mul(slope).blend(t, pos).intoArray(o, oo + i);
                }
            }
            case CLAMP -> {
                FloatVector lo = FloatVector.broadcast(S, p), hi = FloatVector.broadcast(S, q);
                for (; i < up; i += L) v(x, xo + i).max(lo).min(hi).intoArray(o, oo + i);
            }
            case GELU_TANH -> {
                FloatVector k = FloatVector.broadcast(S, (float) UnaryFn.GELU_K), c = FloatVector.broadcast(S, 0.044715f);
                FloatVector half = FloatVector.broadcast(S, 0.5f);
                for (; i < up; i += L) {
                    FloatVector t = v(x, xo + i);
                    FloatVector inner = t.mul(t).mul(t).fma(c, t).mul(k).lanewise(VectorOperators.TANH);
                    t.mul(half).mul(one.add(inner)).intoArray(o, oo + i);
                }
            }
            default -> { return false; }
        }
        for (; i < n; i++) o[oo + i] = (float) fn.apply(x[xo + i], p, q);
        return true;
    }

    /** Sum of n contiguous elements, accumulated in vector lanes. */
    static float sum(float[] x, int xo, int n) {
        int i = 0, up = S.loopBound(n);
        FloatVector acc = FloatVector.zero(S);
        for (; i < up; i += L) acc = acc.add(v(x, xo + i));
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) s += x[xo + i];
        return s;
    }

    static float max(float[] x, int xo, int n) {
        int i = 0, up = S.loopBound(n);
        float m = Float.NEGATIVE_INFINITY;
        if (up > 0) {
            FloatVector acc = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
            for (; i < up; i += L) acc = acc.max(v(x, xo + i));
            m = acc.reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) m = Math.max(m, x[xo + i]);
        return m;
    }

    /** o[i] += x[i] over n elements (column sums over rows). */
    static void accumulate(float[] x, int xo, float[] o, int oo, int n) {
        int i = 0, up = S.loopBound(n);
        for (; i < up; i += L) v(o, oo + i).add(v(x, xo + i)).intoArray(o, oo + i);
        for (; i < n; i++) o[oo + i] += x[xo + i];
    }

    /** o[i] = exp(x[i] - shift), returning the sum of the o[i] (softmax's inner loop). */
    static float expShiftSum(float[] x, int xo, float shift, float[] o, int oo, int n) {
        int i = 0, up = S.loopBound(n);
        FloatVector sh = FloatVector.broadcast(S, shift), acc = FloatVector.zero(S);
        for (; i < up; i += L) {
            FloatVector e = v(x, xo + i).sub(sh).lanewise(VectorOperators.EXP);
            e.intoArray(o, oo + i);
            acc = acc.add(e);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float e = (float) Math.exp(x[xo + i] - shift);
            o[oo + i] = e;
            s += e;
        }
        return s;
    }

    /** o[i] = o[i] * s (in place scaling). */
    static void scale(float[] o, int oo, float s, int n) {
        int i = 0, up = S.loopBound(n);
        FloatVector sv = FloatVector.broadcast(S, s);
        for (; i < up; i += L) v(o, oo + i).mul(sv).intoArray(o, oo + i);
        for (; i < n; i++) o[oo + i] *= s;
    }

    /**
     * o[i] = (x[i] - s) - t, in that order: log_softmax subtracts the row max first (exact for the
     * entries near it) and only then log(sum), so large inputs keep their precision.
     */
    static void shift(float[] x, int xo, float s, float t, float[] o, int oo, int n) {
        int i = 0, up = S.loopBound(n);
        FloatVector sv = FloatVector.broadcast(S, s), tv = FloatVector.broadcast(S, t);
        for (; i < up; i += L) v(x, xo + i).sub(sv).sub(tv).intoArray(o, oo + i);
        for (; i < n; i++) o[oo + i] = (x[xo + i] - s) - t;
    }
}
