package dev.nabla.ml.neighbors;

import dev.nabla.ml.Matrix;

/** A search structure over the training rows (Euclidean distance). */
interface NeighborSearch {
    /** Fills dist / idx (n_queries x k, row-major) with each query's k nearest rows, sorted by (distance, index). */
    void kneighbors(Matrix queries, int k, double[] dist, int[] idx);

    /** Per query, the indices of the rows at distance <= radius, in any order. */
    int[][] withinRadius(Matrix queries, double radius);

    /** Exact Euclidean distance between query row q of {@code queries} and training row t of {@code train}. */
    static double distance(Matrix queries, int q, Matrix train, int t) {
        double[] a = queries.data(), b = train.data();
        int d = train.cols(), ao = q * d, bo = t * d;
        double s = 0;
        for (int j = 0; j < d; j++) {
            double diff = a[ao + j] - b[bo + j];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }

    /**
     * Writes the k nearest candidates of query q, sorted by exact (distance, index), to dist / idx from
     * {@code offset}. Brute force selects candidates on GEMM-rounded keys; recomputing exactly here makes the
     * reported distances exact.
     */
    static void sortInto(Matrix queries, int q, Matrix train, int[] candidates, int k, double[] dist, int[] idx, int offset) {
        int m = candidates.length;
        double[] d = new double[m];
        for (int i = 0; i < m; i++) d[i] = distance(queries, q, train, candidates[i]);
        if (m <= 64) { // the usual k: an insertion sort on the primitives, no boxing
            int[] c = candidates.clone();
            for (int i = 1; i < m; i++) {
                double dv = d[i];
                int cv = c[i], j = i - 1;
                for (; j >= 0 && (d[j] != dv ? Double.compare(d[j], dv) > 0 : c[j] > cv); j--) {
                    d[j + 1] = d[j];
                    c[j + 1] = c[j];
                }
                d[j + 1] = dv;
                c[j + 1] = cv;
            }
            System.arraycopy(d, 0, dist, offset, k);
            System.arraycopy(c, 0, idx, offset, k);
            return;
        }
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> d[a] != d[b] ? Double.compare(d[a], d[b]) : Integer.compare(candidates[a], candidates[b]));
        for (int i = 0; i < k; i++) {
            dist[offset + i] = d[order[i]];
            idx[offset + i] = candidates[order[i]];
        }
    }
}
