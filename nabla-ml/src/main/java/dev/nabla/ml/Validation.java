package dev.nabla.ml;

import dev.nabla.DType;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.linalg.Products;
import java.util.Arrays;

/**
 * Input checks every estimator runs before touching data (sklearn's check_array / check_X_y). Each
 * error names the estimator and says what was expected, so a wrong call is fixed from the message.
 * {@link #features} returns a private copy the estimator may change; {@link #featuresReadOnly} skips the
 * copy for float64 input, for estimators that only read X.
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
        checkShape(owner, x);
        double[] data = x.toDoubleArray();
        requireFinite(owner, data, x.size(1), allowNaN);
        return new Matrix(data, x.size(0), x.size(1));
    }

    /**
     * As {@link #features(String, Tensor)}, without the copy where there is nothing to convert: a contiguous
     * float64 X that spans its whole storage comes back as a Matrix over that very array. The caller must
     * treat the data as read-only and keep no reference to it past the call (the user still owns X and may
     * change it); estimators that centre, scale or keep their training rows use {@link #features}.
     */
    public static Matrix featuresReadOnly(String owner, Tensor x) {
        return featuresReadOnly(owner, x, false);
    }

    /** As {@link #featuresReadOnly(String, Tensor)}; with allowNaN, NaN marks a missing value (Inf still fails). */
    public static Matrix featuresReadOnly(String owner, Tensor x, boolean allowNaN) {
        checkShape(owner, x);
        Matrix m = readOnly(x);
        requireFinite(owner, m.data(), m.cols(), allowNaN);
        return m;
    }

    /**
     * As {@link #featuresReadOnly}, but leaves the finite check to the caller: for a solver whose first pass
     * over X comes out non-finite whenever X holds an Inf or NaN (logistic regression's loss at zero weights:
     * x · 0 is NaN exactly for those), so that a fit reads X once less. The caller must then call
     * {@link #requireFinite(String, Matrix)}, which names the value.
     */
    public static Matrix featuresReadOnlyUnchecked(String owner, Tensor x) {
        checkShape(owner, x);
        return readOnly(x);
    }

    /** Fails, as {@link #features} does, on the first Inf or NaN in x, naming its row and column. */
    public static void requireFinite(String owner, Matrix x) {
        requireFinite(owner, x.data(), x.cols(), false);
    }

    /** X and its column means, from {@link #featuresReadOnlyWithMeans}. */
    public record FeaturesAndMeans(Matrix x, double[] mean) {}

    /**
     * As {@link #featuresReadOnly}, with the column means of X from the same pass: a column holding Inf or
     * NaN has a non-finite sum, so only then is X checked value by value (which also tells a sum that merely
     * overflowed from a bad value). Estimators that centre X save a pass over it.
     */
    public static FeaturesAndMeans featuresReadOnlyWithMeans(String owner, Tensor x) {
        checkShape(owner, x);
        Matrix m = readOnly(x);
        double[] mean = Products.columnMeans(m);
        for (double v : mean)
            if (!Double.isFinite(v)) {
                requireFinite(owner, m.data(), m.cols(), false);
                break;
            }
        return new FeaturesAndMeans(m, mean);
    }

    private static Matrix readOnly(Tensor x) {
        int n = x.size(0), d = x.size(1);
        boolean plain = x.dtype() == DType.FLOAT64 && !x.isBatched() && x.isContiguous() && x.offset() == 0 && x.storage().length() == n * d;
        return new Matrix(plain ? x.storage().doubles() : x.toDoubleArray(), n, d);
    }

    private static void checkShape(String owner, Tensor x) {
        if (x == null) throw new IllegalArgumentException(owner + ": X must not be null");
        if (x.dim() != 2)
            throw new IllegalArgumentException(owner + ": expected a 2-D X (n_samples, n_features), got shape " + Arrays.toString(x.shape())
                    + (x.dim() == 1 ? "; reshape a single feature with x.reshape(-1, 1) or a single sample with x.reshape(1, -1)" : ""));
        if (!x.dtype().isFloatingPoint())
            throw new IllegalArgumentException(owner + ": expected X of dtype float32 or float64, got " + x.dtype().pyName() + "; convert with x.toDouble()");
        if (x.size(0) == 0 || x.size(1) == 0)
            throw new IllegalArgumentException(owner + ": X is empty, shape " + Arrays.toString(x.shape()) + "; need at least 1 sample and 1 feature");
    }

    /**
     * Values per call of {@link #allFinite}. Short calls make it hot by call count, so HotSpot compiles it
     * early in a first fit, rather than running one long loop over all of X interpreted until an on-stack
     * replacement arrives.
     */
    private static final int CHECK_CHUNK = 1 << 10;
    /** Chunks per parallel piece. */
    private static final int CHECK_GRAIN = 64;

    /**
     * Fails on the first Inf (and NaN unless allowed), naming its row and column. Without NaN allowed the
     * scan is a parallel pass (v · 0 is NaN exactly when v is not finite); only a failure rescans, in order.
     */
    private static void requireFinite(String owner, double[] data, int cols, boolean allowNaN) {
        if (!allowNaN) {
            boolean[] bad = new boolean[1];
            Parallel.forRange((data.length + CHECK_CHUNK - 1) / CHECK_CHUNK, CHECK_GRAIN, (s, e) -> {
                boolean finite = true;
                for (int c = s; c < e && finite; c++) finite = allFinite(data, c * CHECK_CHUNK, Math.min(data.length, (c + 1) * CHECK_CHUNK));
                if (!finite) bad[0] = true;
            });
            if (!bad[0]) return;
        }
        for (int i = 0; i < data.length; i++) {
            double v = data[i];
            if (Double.isInfinite(v) || (!allowNaN && Double.isNaN(v)))
                throw new IllegalArgumentException(owner + ": X contains " + v + " at row " + i / cols + ", column " + i % cols
                        + "; expected finite values" + (allowNaN ? " or NaN" : " (impute missing values first, e.g. with SimpleImputer)"));
        }
    }

    private static boolean allFinite(double[] a, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += a[i] * 0.0;
            s1 += a[i + 1] * 0.0;
            s2 += a[i + 2] * 0.0;
            s3 += a[i + 3] * 0.0;
        }
        for (; i < to; i++) s0 += a[i] * 0.0;
        return !Double.isNaN(s0 + s1 + s2 + s3);
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
        if (y.dtype() == DType.INT64 && y.isContiguous() && !y.isBatched()) {
            // class labels: a plain widening loop (the general conversion goes through Storage one value at a time)
            long[] labels = y.storage().longs();
            double[] values = new double[nSamples];
            for (int i = 0, off = y.offset(); i < nSamples; i++) values[i] = labels[off + i];
            return values;
        }
        double[] values = y.toDoubleArray();
        if (y.dtype().isFloatingPoint())
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
