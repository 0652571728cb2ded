package dev.nabla.ml.linear;

import dev.nabla.ml.Matrix;
import java.util.SplittableRandom;

/**
 * liblinear's dual coordinate descent for the L2-regularised squared-hinge SVM (Hsieh et al. 2008,
 * solve_l2r_l1l2_svc with L2 loss): min_α ½αᵀ(Q + D)α - eᵀα, α >= 0, D_ii = 1/(2 C_i), visiting
 * coordinates in a fresh random order each pass and shrinking those stuck at 0. The intercept is an
 * extra constant feature (intercept_scaling) and is regularised with the weights, as liblinear does.
 */
final class LinearSvcSolver {
    record Result(double[] w, int iterations) {}

    private LinearSvcSolver() {}

    /** w over d + 1 features when bias > 0 (the last one multiplies the constant bias), else d. */
    static Result solve(Matrix x, double[] y, double[] cost, double bias, double eps, int maxIter, long seed) {
        int l = x.rows(), d = x.cols(), size = bias > 0 ? d + 1 : d;
        double[] data = x.data(), w = new double[size], alpha = new double[l], diag = new double[l], qd = new double[l];
        int[] index = new int[l];
        for (int i = 0; i < l; i++) {
            diag[i] = 0.5 / cost[i];
            double sq = bias * bias;
            for (int j = 0, o = i * d; j < d; j++) sq += data[o + j] * data[o + j];
            qd[i] = diag[i] + sq;
            index[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int active = l, iter = 0;
        double pgMaxOld = Double.POSITIVE_INFINITY, pgMinOld = Double.NEGATIVE_INFINITY;
        while (iter < maxIter) {
            double pgMax = Double.NEGATIVE_INFINITY, pgMin = Double.POSITIVE_INFINITY;
            for (int i = 0; i < active; i++) {
                int j = i + random.nextInt(active - i), t = index[i];
                index[i] = index[j];
                index[j] = t;
            }
            for (int s = 0; s < active; s++) {
                int i = index[s], o = i * d;
                double wx = bias > 0 ? w[d] * bias : 0;
                for (int j = 0; j < d; j++) wx += w[j] * data[o + j];
                double g = y[i] * wx - 1 + alpha[i] * diag[i], pg = 0;
                if (alpha[i] == 0) {
                    if (g > pgMaxOld) { // at the bound and pushing outward: shrink it away
                        active--;
                        int t = index[s]; index[s] = index[active]; index[active] = t;
                        s--;
                        continue;
                    }
                    if (g < 0) pg = g;
                } else pg = g;
                pgMax = Math.max(pgMax, pg);
                pgMin = Math.min(pgMin, pg);
                if (Math.abs(pg) > 1e-12) {
                    double old = alpha[i];
                    alpha[i] = Math.max(alpha[i] - g / qd[i], 0);
                    double step = (alpha[i] - old) * y[i];
                    for (int j = 0; j < d; j++) w[j] += step * data[o + j];
                    if (bias > 0) w[d] += step * bias;
                }
            }
            iter++;
            if (pgMax - pgMin <= eps) {
                if (active == l) break;
                active = l; // converged on the shrunk set: check everything once more
                pgMaxOld = Double.POSITIVE_INFINITY;
                pgMinOld = Double.NEGATIVE_INFINITY;
                continue;
            }
            pgMaxOld = pgMax <= 0 ? Double.POSITIVE_INFINITY : pgMax;
            pgMinOld = pgMin >= 0 ? Double.NEGATIVE_INFINITY : pgMin;
        }
        return new Result(w, iter);
    }
}
