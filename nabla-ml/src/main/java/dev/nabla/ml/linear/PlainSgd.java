package dev.nabla.ml.linear;

import dev.nabla.ml.Matrix;
import java.util.SplittableRandom;

/**
 * sklearn's _plain_sgd for dense data: one pass per epoch over (optionally shuffled) samples, w kept as
 * scale · v so the L2 shrink is O(1), L1 by Tsuruoka's cumulative truncated gradient, optional averaging,
 * and sklearn's stopping rule (n_iter_no_change epochs whose summed loss fails to improve by tol · n).
 * The shuffle draws from our generator, not sklearn's, so paths (not the objective) differ per seed.
 */
final class PlainSgd {
    private static final double MAX_DLOSS = 1e12, MIN_SCALE = 1e-9;

    record Settings(SgdLoss loss, double epsilon, SgdPenalty penalty, double alpha, double l1Ratio, boolean fitIntercept,
                    int maxIter, double tol, int nIterNoChange, boolean shuffle, SgdLearningRate learningRate, double eta0,
                    double powerT, boolean average) {}

    record Result(double[] coef, double intercept, int epochs) {}

    private PlainSgd() {}

    /** Trains on targets y (±1 for classification) with per-sample weights. */
    static Result fit(Matrix x, double[] y, double[] sampleWeight, Settings s, long seed) {
        int n = x.rows(), d = x.cols();
        double[] v = new double[d], q = new double[d], avg = s.average() ? new double[d] : null, data = x.data();
        double scale = 1, intercept = 0, avgIntercept = 0, u = 0, t = 1, bestLoss = Double.POSITIVE_INFINITY;
        double l2 = s.penalty() == SgdPenalty.L2 ? 1 : s.penalty() == SgdPenalty.ELASTICNET ? 1 - s.l1Ratio() : 0;
        double l1 = s.penalty() == SgdPenalty.L1 ? 1 : s.penalty() == SgdPenalty.ELASTICNET ? s.l1Ratio() : 0;
        double optimalInit = 0;
        if (s.learningRate() == SgdLearningRate.OPTIMAL) {
            double typw = Math.sqrt(1.0 / Math.sqrt(s.alpha()));
            double eta0 = typw / Math.max(1.0, s.loss().dloss(-typw, 1.0, s.epsilon()));
            optimalInit = 1.0 / (eta0 * s.alpha());
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(seed);
        int epoch = 0, noImprovement = 0;
        while (epoch < s.maxIter()) {
            epoch++;
            if (s.shuffle())
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1), tmp = order[i];
                    order[i] = order[j];
                    order[j] = tmp;
                }
            double sumLoss = 0;
            for (int k = 0; k < n; k++) {
                int i = order[k], o = i * d;
                double eta = switch (s.learningRate()) {
                    case OPTIMAL -> 1.0 / (s.alpha() * (optimalInit + t - 1));
                    case INVSCALING -> s.eta0() / Math.pow(t, s.powerT());
                    case CONSTANT -> s.eta0();
                };
                double dot = 0;
                for (int j = 0; j < d; j++) dot += v[j] * data[o + j];
                double p = dot * scale + intercept;
                sumLoss += s.loss().loss(p, y[i], s.epsilon());
                double dloss = Math.max(-MAX_DLOSS, Math.min(MAX_DLOSS, s.loss().dloss(p, y[i], s.epsilon())));
                double update = -eta * dloss * sampleWeight[i];
                if (l2 > 0) scale *= Math.max(0, 1.0 - l2 * eta * s.alpha());
                if (update != 0) {
                    if (scale == 0) { // the shrink zeroed w: restart the representation at scale 1
                        java.util.Arrays.fill(v, 0);
                        scale = 1;
                    }
                    for (int j = 0; j < d; j++) v[j] += data[o + j] * update / scale;
                    if (s.fitIntercept()) intercept += update;
                }
                if (avg != null) {
                    for (int j = 0; j < d; j++) avg[j] += (v[j] * scale - avg[j]) / t;
                    avgIntercept += (intercept - avgIntercept) / t;
                }
                if (l1 > 0) {
                    u += l1 * eta * s.alpha();
                    for (int j = 0; j < d; j++) {
                        double z = v[j] * scale;
                        if (z > 0) v[j] = Math.max(0, v[j] - (u + q[j]) / scale);
                        else if (z < 0) v[j] = Math.min(0, v[j] + (u - q[j]) / scale);
                        q[j] += scale * v[j] - z;
                    }
                }
                if (scale < MIN_SCALE) {
                    for (int j = 0; j < d; j++) v[j] *= scale;
                    scale = 1;
                }
                t++;
            }
            if (s.tol() > Double.NEGATIVE_INFINITY) {
                noImprovement = sumLoss > bestLoss - s.tol() * n ? noImprovement + 1 : 0;
                bestLoss = Math.min(bestLoss, sumLoss);
                if (noImprovement >= s.nIterNoChange()) break;
            }
        }
        if (avg != null) return new Result(avg, avgIntercept, epoch);
        for (int j = 0; j < d; j++) v[j] *= scale;
        return new Result(v, intercept, epoch);
    }
}
