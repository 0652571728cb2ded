package dev.nabla.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** {@link AdamKernel}'s loop on the Vector API; loaded only when {@code Simd.AVAILABLE}. */
final class AdamKernelVector {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private AdamKernelVector() {}

    /** Updates whole vectors from start on and returns where the scalar tail begins. */
    static int update(AdamKernel.Coefficients k, float[] p, int po, float[] g, int go, float[] m, int mo, float[] v, int vo, int start, int end) {
        FloatVector b1 = FloatVector.broadcast(S, k.b1()), c1 = FloatVector.broadcast(S, k.c1());
        FloatVector b2 = FloatVector.broadcast(S, k.b2()), c2 = FloatVector.broadcast(S, k.c2());
        FloatVector bc2 = FloatVector.broadcast(S, k.bc2Sqrt()), eps = FloatVector.broadcast(S, k.eps());
        FloatVector step = FloatVector.broadcast(S, k.stepSize()), wd = FloatVector.broadcast(S, k.wd()), shrink = FloatVector.broadcast(S, k.shrink());
        boolean maximize = k.maximize(), coupled = k.wd() != 0, decoupled = k.shrink() != 1;
        int i = start, up = start + S.loopBound(end - start);
        for (; i < up; i += S.length()) {
            FloatVector gi = FloatVector.fromArray(S, g, go + i), pi = FloatVector.fromArray(S, p, po + i);
            if (maximize) gi = gi.neg();
            if (decoupled) pi = pi.mul(shrink);
            if (coupled) gi = gi.add(pi.mul(wd));
            FloatVector mi = FloatVector.fromArray(S, m, mo + i).mul(b1).add(gi.mul(c1));
            FloatVector vi = FloatVector.fromArray(S, v, vo + i).mul(b2).add(gi.mul(gi).mul(c2));
            mi.intoArray(m, mo + i);
            vi.intoArray(v, vo + i);
            pi.add(mi.div(vi.sqrt().div(bc2).add(eps)).mul(step)).intoArray(p, po + i);
        }
        return i;
    }
}
