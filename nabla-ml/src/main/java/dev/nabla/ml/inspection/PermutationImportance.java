package dev.nabla.ml.inspection;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.Predictor;
import java.util.SplittableRandom;

/**
 * sklearn's permutation_importance with the estimator's default score: how much the score drops when
 * one feature's column is shuffled, repeated nRepeats times. Works for any fitted predictor.
 */
public final class PermutationImportance {
    /** importances: features x nRepeats score drops; mean and std over the repeats per feature. */
    public record Result(double[][] importances, double[] mean, double[] std) {}

    private PermutationImportance() {}

    public static Result compute(Predictor fitted, Tensor x, Tensor y, int nRepeats, long seed) {
        if (nRepeats < 1) throw new IllegalArgumentException("PermutationImportance: nRepeats must be >= 1, got " + nRepeats);
        if (x.dim() != 2) throw new IllegalArgumentException("PermutationImportance: expected a 2-D X, got " + x.dim() + "-D");
        int n = x.size(0), d = x.size(1);
        double[] data = x.toDouble().toDoubleArray();
        double baseline = fitted.score(x, y);
        double[][] drops = new double[d][nRepeats];
        SplittableRandom rng = new SplittableRandom(seed);
        double[] shuffled = data.clone();
        int[] order = new int[n];
        for (int f = 0; f < d; f++) {
            for (int r = 0; r < nRepeats; r++) {
                for (int i = 0; i < n; i++) order[i] = i;
                for (int i = n - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1), t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                for (int i = 0; i < n; i++) shuffled[i * d + f] = data[order[i] * d + f];
                drops[f][r] = baseline - fitted.score(Nabla.tensor(shuffled, n, d), y);
            }
            for (int i = 0; i < n; i++) shuffled[i * d + f] = data[i * d + f];
        }
        double[] mean = new double[d], std = new double[d];
        for (int f = 0; f < d; f++) {
            for (double v : drops[f]) mean[f] += v / nRepeats;
            for (double v : drops[f]) std[f] += (v - mean[f]) * (v - mean[f]) / nRepeats;
            std[f] = Math.sqrt(std[f]);
        }
        return new Result(drops, mean, std);
    }
}
