package dev.nabla.ml.cluster;

import dev.nabla.ml.Matrix;
import java.util.Arrays;

/**
 * Lloyd's k-means: assign every sample to its nearest center, move each center to its samples' mean.
 * Stops as sklearn does: when no label changes (strict convergence) or the total squared center shift
 * is within tol; after a tol stop the labels are recomputed for the final centers.
 */
final class Lloyd {
    private Lloyd() {}

    static KMeansRun run(Matrix x, double[] init, int k, int maxIter, double tol) {
        int n = x.rows();
        double[] centers = init.clone();
        int[] labels = new int[n], old = new int[n];
        Arrays.fill(old, -1);
        boolean strict = false;
        int iter = 0;
        while (iter < maxIter) {
            iter++;
            NearestCenter.Sums s = NearestCenter.assign(x, centers, k, labels, true);
            CenterUpdate.means(x, centers, labels, s.sums(), s.counts());
            double shift = CenterUpdate.shift(centers, s.sums());
            centers = s.sums();
            if (CenterUpdate.same(labels, old)) {
                strict = true;
                break;
            }
            if (shift <= tol) break;
            System.arraycopy(labels, 0, old, 0, n);
        }
        if (!strict) NearestCenter.assign(x, centers, k, labels, false);
        return new KMeansRun(centers, labels, NearestCenter.inertia(x, centers, labels), iter);
    }
}
