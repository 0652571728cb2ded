package dev.nabla.ml.ensemble;

/**
 * One fitted boosting tree (sklearn's TreePredictor) as flat arrays, node 0 the root, left = -1 at a
 * leaf. A row goes left when its value is <= threshold, or, when it is NaN, when missingLeft says so.
 */
public record HistTree(int[] left, int[] right, int[] feature, double[] threshold, int[] binThreshold, boolean[] missingLeft, double[] value) {
    public double predict(double[] data, int offset) {
        int node = 0;
        while (left[node] >= 0) {
            double v = data[offset + feature[node]];
            boolean goLeft = Double.isNaN(v) ? missingLeft[node] : v <= threshold[node];
            node = goLeft ? left[node] : right[node];
        }
        return value[node];
    }

    /** The same on binned rows (row-major, d features): how the validation set is scored during fit. */
    double predictBinned(byte[] bins, int d, int row) {
        int node = 0;
        while (left[node] >= 0) {
            int b = bins[row * d + feature[node]] & 0xff;
            boolean goLeft = b == BinMapper.MISSING_BIN ? missingLeft[node] : b <= binThreshold[node];
            node = goLeft ? left[node] : right[node];
        }
        return value[node];
    }

    public int nodeCount() {
        return left.length;
    }
}
