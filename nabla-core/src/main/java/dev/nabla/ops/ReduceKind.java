package dev.nabla.ops;

import dev.nabla.DType;

/** What a reduction computes over a row of values. */
enum ReduceKind {
    SUM, PROD, AMAX, AMIN, ARGMAX, ARGMIN, ALL, ANY;

    boolean differentiable() {
        return this == SUM || this == PROD || this == AMAX || this == AMIN;
    }

    DType resultType(DType in) {
        return switch (this) {
            case SUM, PROD -> in.isFloatingPoint() ? in : DType.INT64;
            case AMAX, AMIN -> in;
            case ARGMAX, ARGMIN -> DType.INT64;
            case ALL, ANY -> DType.BOOL;
        };
    }

    /** Reduces n contiguous integer values exactly (int64 beyond 2^53 would not survive a trip through double). */
    long reduceLong(long[] x, int off, int n) {
        switch (this) {
            case SUM -> { long s = 0; for (int i = 0; i < n; i++) s += x[off + i]; return s; }
            case PROD -> { long p = 1; for (int i = 0; i < n; i++) p *= x[off + i]; return p; }
            case AMAX -> { long m = Long.MIN_VALUE; for (int i = 0; i < n; i++) m = Math.max(m, x[off + i]); return m; }
            case AMIN -> { long m = Long.MAX_VALUE; for (int i = 0; i < n; i++) m = Math.min(m, x[off + i]); return m; }
            case ARGMAX, ARGMIN -> {
                int best = 0;
                for (int i = 1; i < n; i++) if (this == ARGMAX ? x[off + i] > x[off + best] : x[off + i] < x[off + best]) best = i;
                return best;
            }
            case ALL -> { for (int i = 0; i < n; i++) if (x[off + i] == 0) return 0; return 1; }
            case ANY -> { for (int i = 0; i < n; i++) if (x[off + i] != 0) return 1; return 0; }
        }
        throw new IllegalStateException();
    }

    /** Reduces n values at x[off], x[off+stride], ... read as doubles (the scalar path). */
    double reduce(double[] x, int off, int stride, int n) {
        switch (this) {
            case SUM -> { double s = 0; for (int i = 0; i < n; i++) s += x[off + i * stride]; return s; }
            case PROD -> { double p = 1; for (int i = 0; i < n; i++) p *= x[off + i * stride]; return p; }
            case AMAX, AMIN -> {
                double m = this == AMAX ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double v = x[off + i * stride];
                    if (v != v) return v;
                    m = this == AMAX ? Math.max(m, v) : Math.min(m, v);
                }
                return m;
            }
            case ARGMAX, ARGMIN -> {
                // the first index of the extreme value; NaN counts as the extreme, as in PyTorch
                int best = 0;
                double bv = x[off];
                for (int i = 1; i < n && bv == bv; i++) {
                    double v = x[off + i * stride];
                    if (v != v || (this == ARGMAX ? v > bv : v < bv)) { best = i; bv = v; }
                }
                return best;
            }
            case ALL -> { for (int i = 0; i < n; i++) if (x[off + i * stride] == 0) return 0; return 1; }
            case ANY -> { for (int i = 0; i < n; i++) if (x[off + i * stride] != 0) return 1; return 0; }
        }
        throw new IllegalStateException();
    }
}
