package dev.nabla.ml.linear;

import dev.nabla.ml.Matrix;

/**
 * Cyclic coordinate descent for the elastic net, a port of scikit-learn's cd_fast: minimises
 * (1/2n)·||y - Xw||² + alpha·l1Ratio·||w||₁ + (alpha/2)·(1 - l1Ratio)·||w||², and stops when the
 * duality gap falls below tol·||y||² (checked once the largest coordinate step is small).
 */
final class CoordinateDescent {
    private CoordinateDescent() {}

    static double[] solve(Matrix x, double[] y, double alpha, double l1Ratio, int maxIter, double tol) {
        int n = x.rows(), d = x.cols();
        double l1 = alpha * l1Ratio * n, l2 = alpha * (1 - l1Ratio) * n;
        double[][] cols = new double[d][];
        double[] colNorm = new double[d];
        for (int j = 0; j < d; j++) {
            cols[j] = x.column(j);
            colNorm[j] = dot(cols[j], cols[j]);
        }
        double[] w = new double[d], r = y.clone();
        double gapTol = tol * dot(y, y);
        for (int iter = 0; iter < maxIter; iter++) {
            double wMax = 0, dwMax = 0;
            for (int j = 0; j < d; j++) {
                if (colNorm[j] == 0) continue;
                double old = w[j];
                if (old != 0) axpy(old, cols[j], r);
                double rho = dot(cols[j], r);
                w[j] = Math.signum(rho) * Math.max(Math.abs(rho) - l1, 0) / (colNorm[j] + l2);
                if (w[j] != 0) axpy(-w[j], cols[j], r);
                dwMax = Math.max(dwMax, Math.abs(w[j] - old));
                wMax = Math.max(wMax, Math.abs(w[j]));
            }
            if (wMax == 0 || dwMax / wMax < tol || iter == maxIter - 1) {
                if (dualityGap(cols, y, w, r, l1, l2) < gapTol) break;
            }
        }
        return w;
    }

    private static double dualityGap(double[][] cols, double[] y, double[] w, double[] r, double l1, double l2) {
        double dualNorm = 0;
        for (int j = 0; j < cols.length; j++) dualNorm = Math.max(dualNorm, Math.abs(dot(cols[j], r) - l2 * w[j]));
        double rNorm2 = dot(r, r), wNorm2 = dot(w, w), l1Norm = 0;
        for (double v : w) l1Norm += Math.abs(v);
        double scale, gap;
        if (dualNorm > l1) {
            scale = l1 / dualNorm;
            gap = 0.5 * (rNorm2 + rNorm2 * scale * scale);
        } else {
            scale = 1;
            gap = rNorm2;
        }
        return gap + l1 * l1Norm - scale * dot(r, y) + 0.5 * l2 * (1 + scale * scale) * wNorm2;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) y[i] += a * x[i];
    }
}
