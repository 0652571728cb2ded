package dev.nabla.ml.neighbors;

/**
 * The k smallest (key, index) pairs seen, in a bounded max-heap ordered by key then index, so the result
 * does not depend on the order candidates arrive in (brute force and KD-tree agree on ties).
 */
final class TopK {
    private final double[] keys;
    private final int[] index;
    private int size;

    TopK(int k) {
        keys = new double[k];
        index = new int[k];
    }

    void clear() {
        size = 0;
    }

    /** The key a candidate must not exceed to enter (infinite until full). */
    double bound() {
        return size < keys.length ? Double.POSITIVE_INFINITY : keys[0];
    }

    void offer(double key, int idx) {
        if (size < keys.length) {
            keys[size] = key;
            index[size] = idx;
            siftUp(size++);
        } else if (after(keys[0], index[0], key, idx)) {
            keys[0] = key;
            index[0] = idx;
            siftDown(0);
        }
    }

    int size() {
        return size;
    }

    /** The indices held, in no particular order. */
    int[] indices() {
        return java.util.Arrays.copyOf(index, size);
    }

    private static boolean after(double ka, int ia, double kb, int ib) {
        return ka > kb || (ka == kb && ia > ib);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int p = (i - 1) / 2;
            if (!after(keys[i], index[i], keys[p], index[p])) return;
            swap(i, p);
            i = p;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1, r = l + 1, top = i;
            if (l < size && after(keys[l], index[l], keys[top], index[top])) top = l;
            if (r < size && after(keys[r], index[r], keys[top], index[top])) top = r;
            if (top == i) return;
            swap(i, top);
            i = top;
        }
    }

    private void swap(int a, int b) {
        double k = keys[a]; keys[a] = keys[b]; keys[b] = k;
        int t = index[a]; index[a] = index[b]; index[b] = t;
    }
}
