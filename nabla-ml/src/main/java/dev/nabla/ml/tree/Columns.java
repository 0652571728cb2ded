package dev.nabla.ml.tree;

import dev.nabla.ml.Matrix;

/**
 * X transposed to float32 columns. sklearn's trees cast X to float32, so thresholds and ties match
 * its; a column is contiguous so gathering one feature for a node's samples stays in cache. Half the
 * size of the float64 input.
 */
public record Columns(float[] values, int rows, int cols) {
    public static Columns of(Matrix m) {
        int n = m.rows(), d = m.cols();
        double[] src = m.data();
        float[] v = new float[n * d];
        for (int i = 0; i < n; i++)
            for (int j = 0, base = i * d; j < d; j++) v[j * n + i] = (float) src[base + j];
        return new Columns(v, n, d);
    }
}
