package dev.nabla.cpu;

/**
 * The Adam update over a range of dense float32 arrays. Each scalar is a float32 and each operation
 * rounds on its own (no fused multiply-add), in the order of the tensor-op definition in
 * {@code AdamUpdate}, so both give the same bits:
 * <pre>
 * g = maximize ? -grad : grad;  p = decoupled ? p * shrink : p;  g = decoupled ? g : g + p * wd
 * m = m * b1 + g * c1;  v = v * b2 + (g * g) * c2;  p = p + m / (sqrt(v) / bc2Sqrt + eps) * stepSize
 * </pre>
 */
public final class AdamKernel {
    /** The step's scalars; wd 0 and shrink 1 when there is no weight decay of that kind. */
    public record Coefficients(float b1, float c1, float b2, float c2, float bc2Sqrt, float eps, float stepSize,
                               float wd, float shrink, boolean maximize) {}

    private AdamKernel() {}

    public static void update(Coefficients k, float[] p, int po, float[] g, int go, float[] m, int mo, float[] v, int vo, int start, int end) {
        int i = start;
        if (Simd.AVAILABLE) i = AdamKernelVector.update(k, p, po, g, go, m, mo, v, vo, start, end);
        for (; i < end; i++) {
            float gi = k.maximize() ? -g[go + i] : g[go + i];
            float pi = p[po + i] * k.shrink(); // exact when shrink is 1
            if (k.wd() != 0) gi = gi + pi * k.wd();
            float mi = m[mo + i] * k.b1() + gi * k.c1();
            float vi = v[vo + i] * k.b2() + gi * gi * k.c2();
            m[mo + i] = mi;
            v[vo + i] = vi;
            p[po + i] = pi + mi / ((float) Math.sqrt(vi) / k.bc2Sqrt() + k.eps()) * k.stepSize();
        }
    }
}
