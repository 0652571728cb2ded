package dev.nabla.ml.cluster;

import dev.nabla.ml.Matrix;
import java.util.Arrays;

/**
 * Lloyd's k-means: assign every sample to its nearest center, move each center to its samples' mean.
 * Stops as sklearn does: when no label changes (strict convergence; the assignment pass counts the changes)
 * or the total squared center shift is within tol; after a tol stop the labels are recomputed for the final
 * centers.
 */
final class Lloyd {
    private Lloyd() {}

    static KMeansRun run(Matrix x, double[] init, int k, int maxIter, double tol) {
        int n = x.rows();
        double[] centers = init.clone();
        int[] labels = new int[n];
        Arrays.fill(labels, -1); // no label yet: the first pass changes them all
        int iter = 0;
        while (iter < maxIter) {
            iter++;
            NearestCenter.Sums s = NearestCenter.assign(x, centers, k, labels, true);
            double[] measured = centers;
            CenterUpdate.means(x, centers, labels, s.sums(), s.counts());
            double shift = CenterUpdate.shift(centers, s.sums());
            centers = s.sums();
            if (s.changed() == 0) {
                // the same labels give the same means, so the pass measured the final centers unless an
                // empty cluster was relocated
                double inertia = Arrays.equals(measured, centers) ? s.inertia() : NearestCenter.inertia(x, centers, labels);
                return new KMeansRun(centers, labels, inertia, iter);
            }
            if (shift <= tol) break;
        }
        double inertia = NearestCenter.assign(x, centers, k, labels, false).inertia();
        return new KMeansRun(centers, labels, inertia, iter);
    }
}
