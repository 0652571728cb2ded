package dev.nabla.ml.ensemble;

import dev.nabla.cpu.Simd;

/**
 * Per-node histograms of binned data: for every feature and bin four doubles, the gradient sum, the
 * hessian sum (0 when hessians are constant), the sample count and one unused lane, so one 256-bit
 * add updates a bin. Each bin sums its samples in the order given, as sklearn does, so a histogram
 * has sklearn's bits whatever the layout.
 */
final class Histograms {
    static final int BINS = 256;
    /** Doubles per bin: gradient, hessian, count, unused. */
    static final int STRIDE = 4;
    /** Doubles per feature. */
    static final int FEATURE = BINS * STRIDE;

    private static final boolean VECTOR = Simd.AVAILABLE && HistogramsVector.supported();

    private Histograms() {}

    static int index(int feature, int bin) {
        return feature * FEATURE + bin * STRIDE;
    }

    /**
     * Adds samples rows[start..end) (the samples start..end themselves when rows is null) to hist for
     * features [fs, fe). bins is row-major with d features; hess null means constant hessians. When
     * sums is not null it receives the samples' gradient and hessian sums, added in sample order.
     */
    static void accumulate(byte[] bins, int d, int[] rows, int start, int end, float[] grad, float[] hess, int gradOffset,
                           double[] hist, int fs, int fe, double[] sums) {
        if (VECTOR) {
            HistogramsVector.accumulate(bins, d, rows, start, end, grad, hess, gradOffset, hist, fs, fe, sums);
            return;
        }
        double sg = 0, sh = 0;
        for (int p = start; p < end; p++) {
            int i = rows == null ? p : rows[p], row = i * d;
            double gp = grad[gradOffset + i], hp = hess == null ? 0 : hess[gradOffset + i];
            for (int f = fs; f < fe; f++) {
                int b = index(f, bins[row + f] & 0xff);
                hist[b] += gp;
                hist[b + 1] += hp;
                hist[b + 2]++;
            }
            sg += gp;
            sh += hp;
        }
        if (sums != null) {
            sums[0] = sg;
            sums[1] = sh;
        }
    }

    /** parent -= child over features [fs, fe): the parent's histogram becomes the other child's. */
    static void subtractInto(double[] parent, double[] child, int fs, int fe) {
        for (int j = fs * FEATURE, end = fe * FEATURE; j < end; j++) parent[j] -= child[j];
    }

    static void clear(double[] hist, int fs, int fe) {
        java.util.Arrays.fill(hist, fs * FEATURE, fe * FEATURE, 0);
    }
}
