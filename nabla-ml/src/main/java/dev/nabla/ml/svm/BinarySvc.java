package dev.nabla.ml.svm;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One binary C-SVC problem over a subset of the training rows (libsvm's svm_train_one for c_svc), and
 * libsvm's 5-fold cross-validated decision values used to fit Platt's sigmoid.
 *
 * @param coef α_t y_t for each row of the subset (0 for non-support vectors)
 * @param rho the bias: f(x) = Σ coef_t K(x_t, x) - rho
 */
record BinarySvc(double[] coef, double rho) {
    /** Solver settings shared by every sub-problem of a fit. */
    record Settings(double tol, boolean shrinking, int maxIter) {}

    /** Trains on rows {@code index} with labels y = ±1 and per-label costs cPos, cNeg. */
    static BinarySvc train(KernelRows k, int[] index, byte[] y, double cPos, double cNeg, Settings s) {
        int l = index.length;
        double[] p = new double[l], c = new double[l];
        Arrays.fill(p, -1);
        for (int t = 0; t < l; t++) c[t] = y[t] > 0 ? cPos : cNeg;
        Smo.Result r = Smo.solve(QMatrix.classification(k, index, y), p, y, c, s.tol(), s.shrinking(), s.maxIter());
        double[] coef = r.alpha();
        for (int t = 0; t < l; t++) coef[t] *= y[t];
        return new BinarySvc(coef, r.rho());
    }

    /** f at training row {@code row}, for a model trained on rows {@code index}. */
    double decision(KernelRows k, int[] index, int row) {
        double[] kr = k.row(row);
        double f = -rho;
        for (int t = 0; t < index.length; t++) if (coef[t] != 0) f += coef[t] * kr[index[t]];
        return f;
    }

    /**
     * libsvm's svm_binary_svc_probability: decision values from 5-fold CV over a random permutation, then
     * Platt's fit. libsvm draws the permutation from its own generator; this uses {@code random}, so
     * folds (and hence A, B) differ from sklearn's while following the same procedure.
     */
    static double[] plattCoefficients(KernelRows k, int[] index, byte[] y, double cPos, double cNeg, Settings s, SplittableRandom random) {
        int l = index.length, folds = 5;
        int[] perm = new int[l];
        for (int i = 0; i < l; i++) perm[i] = i;
        for (int i = 0; i < l; i++) {
            int j = i + random.nextInt(l - i);
            int tmp = perm[i]; perm[i] = perm[j]; perm[j] = tmp;
        }
        double[] dec = new double[l];
        for (int f = 0; f < folds; f++) {
            int begin = f * l / folds, end = (f + 1) * l / folds, m = l - (end - begin);
            int[] sub = new int[m];
            byte[] subY = new byte[m];
            int pos = 0, neg = 0;
            for (int i = 0, o = 0; i < l; i++) {
                if (i >= begin && i < end) continue;
                sub[o] = index[perm[i]];
                subY[o] = y[perm[i]];
                if (subY[o++] > 0) pos++; else neg++;
            }
            if (pos == 0 || neg == 0) {
                // a one-class training fold: libsvm predicts that class with confidence 1
                for (int i = begin; i < end; i++) dec[perm[i]] = pos > 0 ? 1 : neg > 0 ? -1 : 0;
                continue;
            }
            BinarySvc model = train(k, sub, subY, cPos, cNeg, s);
            for (int i = begin; i < end; i++) dec[perm[i]] = model.decision(k, sub, index[perm[i]]);
        }
        return Platt.train(dec, y);
    }
}
