package dev.nabla.ml.manifold;

import java.util.Arrays;

/**
 * The Barnes-Hut tree over an embedding of 1 to 3 dimensions (a quadtree in 2-D): every cell keeps
 * its sample count and centre of mass, so a far-away cell stands in for all its samples. Leaves hold
 * one sample (coincident samples share a leaf), as in sklearn's _QuadTree.
 */
final class SpaceTree {
    private static final double DUPLICATE = 1e-6;
    private final int dim, fanout;
    private double[] lo, hi, mass; // per cell: box corners, centre of mass (dim values each)
    private int[] size, children, point; // children: fanout per cell, -1 when absent; point: a leaf's sample or -1
    private int cells;
    private final double[] y;

    SpaceTree(double[] y, int n, int dim) {
        this.y = y;
        this.dim = dim;
        this.fanout = 1 << dim;
        int capacity = 4 * n + 16;
        lo = new double[capacity * dim];
        hi = new double[capacity * dim];
        mass = new double[capacity * dim];
        size = new int[capacity];
        children = new int[capacity * fanout];
        point = new int[capacity];
        double[] min = new double[dim], max = new double[dim];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++)
            for (int a = 0; a < dim; a++) {
                min[a] = Math.min(min[a], y[i * dim + a]);
                max[a] = Math.max(max[a], y[i * dim + a]);
            }
        // a little slack so samples on the upper edge fall inside
        for (int a = 0; a < dim; a++) {
            double pad = Math.max(1e-3 * (max[a] - min[a]), 1e-3);
            min[a] -= pad;
            max[a] += pad;
        }
        newCell(min, max);
        for (int i = 0; i < n; i++) insert(0, i);
    }

    private int newCell(double[] min, double[] max) {
        if (cells == size.length) grow();
        int c = cells++;
        System.arraycopy(min, 0, lo, c * dim, dim);
        System.arraycopy(max, 0, hi, c * dim, dim);
        Arrays.fill(children, c * fanout, (c + 1) * fanout, -1);
        point[c] = -1;
        return c;
    }

    private void grow() {
        int cap = size.length * 2;
        lo = Arrays.copyOf(lo, cap * dim);
        hi = Arrays.copyOf(hi, cap * dim);
        mass = Arrays.copyOf(mass, cap * dim);
        size = Arrays.copyOf(size, cap);
        children = Arrays.copyOf(children, cap * fanout);
        point = Arrays.copyOf(point, cap);
    }

    private void insert(int cell, int i) {
        while (true) {
            int n = size[cell];
            for (int a = 0; a < dim; a++) mass[cell * dim + a] = (mass[cell * dim + a] * n + y[i * dim + a]) / (n + 1);
            size[cell] = n + 1;
            if (n == 0) {
                point[cell] = i;
                return;
            }
            int resident = point[cell];
            if (resident >= 0) {
                if (same(resident, i)) return; // a duplicate joins the leaf
                point[cell] = -1;
                // push the resident sample one level down before continuing with i
                int child = childFor(cell, resident);
                size[child] = 1;
                point[child] = resident;
                System.arraycopy(y, resident * dim, mass, child * dim, dim);
            }
            cell = childFor(cell, i);
        }
    }

    private boolean same(int a, int b) {
        for (int t = 0; t < dim; t++) if (Math.abs(y[a * dim + t] - y[b * dim + t]) > DUPLICATE) return false;
        return true;
    }

    /** The child cell containing sample i, created when absent. */
    private int childFor(int cell, int i) {
        int slot = 0;
        double[] min = new double[dim], max = new double[dim];
        for (int a = 0; a < dim; a++) {
            double l = lo[cell * dim + a], h = hi[cell * dim + a], mid = (l + h) / 2;
            boolean upper = y[i * dim + a] >= mid;
            if (upper) slot |= 1 << a;
            min[a] = upper ? mid : l;
            max[a] = upper ? h : mid;
        }
        int c = children[cell * fanout + slot];
        if (c < 0) {
            c = newCell(min, max);
            children[cell * fanout + slot] = c;
        }
        return c;
    }

    /**
     * The repulsive force on sample i: Σ over summarising cells of size·q²·(y_i − centre) with
     * q = 1 / (1 + ‖y_i − centre‖²), adding Σ size·q to qSum[0]. A cell summarises when it is a
     * leaf or its squared width over squared distance is below theta²; the sample's own leaf is skipped.
     */
    void repulsion(int i, double theta2, double[] force, double[] qSum) {
        Arrays.fill(force, 0);
        int[] stack = new int[64 * fanout];
        int top = 0;
        stack[top++] = 0;
        double[] delta = new double[dim];
        while (top > 0) {
            int c = stack[--top];
            double d2 = 0, width2 = 0;
            boolean self = true;
            for (int a = 0; a < dim; a++) {
                delta[a] = y[i * dim + a] - mass[c * dim + a];
                d2 += delta[a] * delta[a];
                self &= Math.abs(delta[a]) <= DUPLICATE;
                double w = hi[c * dim + a] - lo[c * dim + a];
                width2 = Math.max(width2, w * w);
            }
            boolean leaf = point[c] >= 0;
            if (leaf && self) continue;
            if (leaf || width2 / d2 < theta2) {
                double q = 1 / (1 + d2), mult = size[c] * q * q;
                qSum[0] += size[c] * q;
                for (int a = 0; a < dim; a++) force[a] += mult * delta[a];
                continue;
            }
            for (int s = 0; s < fanout; s++) {
                int child = children[c * fanout + s];
                if (child >= 0) {
                    if (top == stack.length) stack = Arrays.copyOf(stack, stack.length * 2);
                    stack[top++] = child;
                }
            }
        }
    }
}
