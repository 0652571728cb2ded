package dev.nabla.ml;

import dev.nabla.DType;
import dev.nabla.Tensor;
import java.util.Arrays;

/**
 * Input checks every estimator runs before touching data (sklearn's check_array / check_X_y). Each
 * error names the estimator and says what was expected, so a wrong call is fixed from the message.
 */
public final class Validation {
    private Validation() {}

    /** X: a non-empty 2-D float32/float64 tensor with finite values. */
    public static Matrix features(String owner, Tensor x) {
        return features(owner, x, false);
    }

    /** X of category codes for the encoders: any numeric dtype (int64 codes are natural), 2-D, finite. */
    public static Matrix categories(String owner, Tensor x) {
        if (x != null && !x.dtype().isFloatingPoint()) return features(owner, x.toDouble(), false);
        return features(owner, x, false);
    }

    /** As {@link #features(String, Tensor)}; with allowNaN, NaN marks a missing value (Inf still fails). */
    public static Matrix features(String owner, Tensor x, boolean allowNaN) {
        if (x == null) throw new IllegalArgumentException(owner + ": X must not be null");
        if (x.dim() != 2)
            throw new IllegalArgumentException(owner + ": expected a 2-D X (n_samples, n_features), got shape " + Arrays.toString(x.shape())
                    + (x.dim() == 1 ? "; reshape a single feature with x.reshape(-1, 1) or a single sample with x.reshape(1, -1)" : ""));
        if (!x.dtype().isFloatingPoint())
            throw new IllegalArgumentException(owner + ": expected X of dtype float32 or float64, got " + x.dtype().pyName() + "; convert with x.toDouble()");
        if (x.size(0) == 0 || x.size(1) == 0)
            throw new IllegalArgumentException(owner + ": X is empty, shape " + Arrays.toString(x.shape()) + "; need at least 1 sample and 1 feature");
        double[] data = x.toDoubleArray();
        for (int i = 0; i < data.length; i++) {
            double v = data[i];
            if (Double.isInfinite(v) || (!allowNaN && Double.isNaN(v)))
                throw new IllegalArgumentException(owner + ": X contains " + v + " at row " + i / x.size(1) + ", column " + i % x.size(1)
                        + "; expected finite values" + (allowNaN ? " or NaN" : " (impute missing values first, e.g. with SimpleImputer)"));
        }
        return new Matrix(data, x.size(0), x.size(1));
    }

    /** y: a 1-D numeric tensor of finite values, one per sample. */
    public static double[] target(String owner, Tensor y, int nSamples) {
        if (y == null) throw new IllegalArgumentException(owner + ": y must not be null");
        if (y.dim() != 1)
            throw new IllegalArgumentException(owner + ": expected a 1-D y (n_samples), got shape " + Arrays.toString(y.shape())
                    + (y.dim() == 2 && y.size(1) == 1 ? "; flatten it with y.flatten()" : ""));
        if (y.dtype() == DType.BOOL) throw new IllegalArgumentException(owner + ": expected a numeric y, got bool; convert with y.toLong()");
        if (y.size(0) != nSamples)
            throw new IllegalArgumentException(owner + ": X has " + nSamples + " samples but y has " + y.size(0) + "; they must match");
        double[] values = y.toDoubleArray();
        for (int i = 0; i < values.length; i++)
            if (!Double.isFinite(values[i]))
                throw new IllegalArgumentException(owner + ": y contains " + values[i] + " at index " + i + "; expected finite values");
        return values;
    }

    /** The feature count must match the one seen in fit. */
    public static void featureCount(String owner, Matrix x, int expected) {
        if (x.cols() != expected)
            throw new IllegalArgumentException(owner + ": X has " + x.cols() + " features, but " + owner + " was fitted with " + expected);
    }

    /** Optional per-sample weights: null means all ones. */
    public static double[] sampleWeight(String owner, Tensor w, int nSamples) {
        if (w == null) {
            double[] ones = new double[nSamples];
            Arrays.fill(ones, 1);
            return ones;
        }
        double[] values = target(owner + " sample_weight", w, nSamples);
        for (double v : values)
            if (v < 0) throw new IllegalArgumentException(owner + ": sample_weight must be >= 0, got " + v);
        return values;
    }
}
