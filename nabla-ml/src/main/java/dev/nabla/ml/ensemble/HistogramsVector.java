package dev.nabla.ml.ensemble;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** {@link Histograms#accumulate} with one 256-bit add per bin update; loaded only when {@code Simd.AVAILABLE}. */
final class HistogramsVector {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    /** A sample's update before its gradient and hessian go in: count 1. */
    private static final DoubleVector ONE_SAMPLE = DoubleVector.fromArray(S, new double[] {0, 0, 1, 0}, 0);

    private HistogramsVector() {}

    /** Only where 256-bit vectors are native: elsewhere the Vector API would emulate them, slower than scalar code. */
    static boolean supported() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
    }

    static void accumulate(byte[] bins, int d, int[] rows, int start, int end, float[] grad, float[] hess, int gradOffset,
                           double[] hist, int fs, int fe, double[] sums) {
        double sg = 0, sh = 0;
        for (int p = start; p < end; p++) {
            int i = rows == null ? p : rows[p], row = i * d;
            double gp = grad[gradOffset + i], hp = hess == null ? 0 : hess[gradOffset + i];
            DoubleVector add = ONE_SAMPLE.withLane(0, gp).withLane(1, hp);
            for (int f = fs; f < fe; f++) {
                int b = Histograms.index(f, bins[row + f] & 0xff);
                DoubleVector.fromArray(S, hist, b).add(add).intoArray(hist, b);
            }
            sg += gp;
            sh += hp;
        }
        if (sums != null) {
            sums[0] = sg;
            sums[1] = sh;
        }
    }
}
