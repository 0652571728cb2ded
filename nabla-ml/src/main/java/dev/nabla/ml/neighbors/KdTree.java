package dev.nabla.ml.neighbors;

import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * A KD-tree for low-dimensional data (sklearn's default below 16 features): nodes split at the median of
 * their widest dimension until at most leafSize rows remain; each node keeps its bounding box, and a search
 * skips any node whose box is farther than the current k-th distance (or the radius). Queries run in parallel.
 */
final class KdTree implements NeighborSearch {
    private final Matrix train;
    private final int leafSize, d;
    private final int[] order;                // training rows, permuted so each node is a contiguous range
    private final List<int[]> ranges = new ArrayList<>(); // node -> {start, end, left child, right child}
    private final List<double[]> boxes = new ArrayList<>(); // node -> {lo_0..lo_d-1, hi_0..hi_d-1}

    KdTree(Matrix train, int leafSize) {
        this.train = train;
        this.leafSize = leafSize;
        this.d = train.cols();
        order = new int[train.rows()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        build(0, order.length);
    }

    private int build(int start, int end) {
        int node = ranges.size();
        int[] range = {start, end, -1, -1};
        double[] box = new double[2 * d];
        java.util.Arrays.fill(box, 0, d, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(box, d, 2 * d, Double.NEGATIVE_INFINITY);
        for (int i = start; i < end; i++)
            for (int j = 0; j < d; j++) {
                double v = train.get(order[i], j);
                box[j] = Math.min(box[j], v);
                box[d + j] = Math.max(box[d + j], v);
            }
        ranges.add(range);
        boxes.add(box);
        if (end - start > leafSize) {
            int dim = 0;
            for (int j = 1; j < d; j++) if (box[d + j] - box[j] > box[d + dim] - box[dim]) dim = j;
            if (box[d + dim] > box[dim]) { // all rows equal: keep as a leaf
                int mid = (start + end) >>> 1;
                select(start, end - 1, mid, dim);
                range[2] = build(start, mid);
                range[3] = build(mid, end);
            }
        }
        return node;
    }

    /** Quickselect: order[start..end] partitioned so order[k] holds the median on dim. */
    private void select(int lo, int hi, int k, int dim) {
        while (lo < hi) {
            double pivot = train.get(order[(lo + hi) >>> 1], dim);
            int i = lo, j = hi;
            while (i <= j) {
                while (train.get(order[i], dim) < pivot) i++;
                while (train.get(order[j], dim) > pivot) j--;
                if (i <= j) {
                    int t = order[i]; order[i] = order[j]; order[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return;
        }
    }

    /** Squared distance from the query to the node's bounding box (0 inside). */
    private double boxDistance(double[] q, int qo, int node) {
        double[] box = boxes.get(node);
        double s = 0;
        for (int j = 0; j < d; j++) {
            double v = q[qo + j], gap = v < box[j] ? box[j] - v : v > box[d + j] ? v - box[d + j] : 0;
            s += gap * gap;
        }
        return s;
    }

    private double squared(double[] q, int qo, int row) {
        double[] x = train.data();
        double s = 0;
        for (int j = 0, xo = row * d; j < d; j++) {
            double diff = q[qo + j] - x[xo + j];
            s += diff * diff;
        }
        return s;
    }

    private void search(double[] q, int qo, int node, double nodeDist, TopK heap) {
        if (nodeDist > heap.bound()) return; // strict: equal distances may still win on index
        int[] r = ranges.get(node);
        if (r[2] < 0) {
            for (int i = r[0]; i < r[1]; i++) {
                int row = order[i];
                double s = squared(q, qo, row);
                if (s <= heap.bound()) heap.offer(s, row);
            }
            return;
        }
        double dl = boxDistance(q, qo, r[2]), dr = boxDistance(q, qo, r[3]);
        if (dl <= dr) {
            search(q, qo, r[2], dl, heap);
            search(q, qo, r[3], dr, heap);
        } else {
            search(q, qo, r[3], dr, heap);
            search(q, qo, r[2], dl, heap);
        }
    }

    @Override
    public void kneighbors(Matrix queries, int k, double[] dist, int[] idx) {
        double[] q = queries.data();
        Parallel.forRange(queries.rows(), 16, (s, e) -> {
            TopK heap = new TopK(k);
            for (int i = s; i < e; i++) {
                heap.clear();
                search(q, i * d, 0, boxDistance(q, i * d, 0), heap);
                NeighborSearch.sortInto(queries, i, train, heap.indices(), k, dist, idx, i * k);
            }
        });
    }

    @Override
    public int[][] withinRadius(Matrix queries, double radius) {
        double[] q = queries.data();
        int[][] out = new int[queries.rows()][];
        Parallel.forRange(queries.rows(), 16, (s, e) -> {
            for (int i = s; i < e; i++) {
                List<Integer> found = new ArrayList<>();
                collect(q, i * d, 0, radius * radius, found);
                int qi = i;
                out[i] = found.stream().mapToInt(Integer::intValue)
                        .filter(t -> NeighborSearch.distance(queries, qi, train, t) <= radius).toArray();
            }
        });
        return out;
    }

    private void collect(double[] q, int qo, int node, double r2, List<Integer> found) {
        // the box test uses a relative slack so rounding never drops a row exactly at the radius
        if (boxDistance(q, qo, node) > r2 * (1 + 1e-12)) return;
        int[] r = ranges.get(node);
        if (r[2] < 0) {
            for (int i = r[0]; i < r[1]; i++) if (squared(q, qo, order[i]) <= r2 * (1 + 1e-12)) found.add(order[i]);
            return;
        }
        collect(q, qo, r[2], r2, found);
        collect(q, qo, r[3], r2, found);
    }
}
