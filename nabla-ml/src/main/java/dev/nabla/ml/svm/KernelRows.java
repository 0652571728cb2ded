package dev.nabla.ml.svm;

import dev.nabla.ml.Matrix;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows of the training kernel matrix K(x_i, x_j), shared by every sub-problem of one fit. When the whole
 * matrix fits in the cache budget it is computed once by matrix product (the fast path for the data sizes
 * SMO is used on); otherwise rows are computed on demand and kept in an LRU cache, as libsvm's Cache does.
 */
final class KernelRows {
    private final Matrix x;
    private final KernelFunction kernel;
    private final double[] sqNorms;
    private final double[][] full;
    private final Map<Integer, double[]> lru;

    KernelRows(Matrix x, KernelFunction kernel, double cacheMegabytes) {
        this.x = x;
        this.kernel = kernel;
        this.sqNorms = KernelFunction.squaredNorms(x);
        int n = x.rows();
        long budgetRows = Math.max(2, (long) (cacheMegabytes * 1024 * 1024 / (8.0 * n)));
        if (budgetRows >= n) {
            Matrix k = kernel.cross(x, x);
            full = new double[n][];
            for (int i = 0; i < n; i++) full[i] = java.util.Arrays.copyOfRange(k.data(), i * n, (i + 1) * n);
            lru = null;
        } else {
            full = null;
            int capacity = (int) budgetRows;
            lru = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Integer, double[]> eldest) {
                    return size() > capacity;
                }
            };
        }
    }

    int size() {
        return x.rows();
    }

    /** K(x_i, x_j) for all j; callers must not modify it. */
    double[] row(int i) {
        if (full != null) return full[i];
        double[] r = lru.get(i);
        if (r == null) {
            r = compute(i);
            lru.put(i, r);
        }
        return r;
    }

    double diagonal(int i) {
        return kernel.value(sqNorms[i], sqNorms[i], sqNorms[i]);
    }

    private double[] compute(int i) {
        int n = x.rows(), d = x.cols();
        double[] data = x.data(), r = new double[n];
        for (int j = 0; j < n; j++) {
            double dot = 0;
            for (int f = 0, a = i * d, b = j * d; f < d; f++) dot += data[a + f] * data[b + f];
            r[j] = kernel.value(dot, sqNorms[i], sqNorms[j]);
        }
        return r;
    }
}
