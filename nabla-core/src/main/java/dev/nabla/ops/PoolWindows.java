package dev.nabla.ops;

/**
 * The pooling windows along one spatial dim: output i reads taps[i] input cells lo[i], lo[i] + step, ...
 * (already clipped to the input, so padding cells are never visited), and padCount[i] is the window
 * length PyTorch's count_include_pad divides by. 2-d pooling is the product of two of these, and 1-d
 * pooling uses {@link #unit()} for the height.
 */
record PoolWindows(int in, int out, int[] lo, int[] taps, int step, int[] padCount) {
    /** The trivial dim of size 1 that lets 1-d pooling run as 2-d. */
    static PoolWindows unit() {
        return new PoolWindows(1, 1, new int[] {0}, new int[] {1}, 1, new int[] {1});
    }

    /**
     * Sliding windows of kernel k, stride s, padding p and dilation d over a dim of size n. With ceilMode
     * a last partial window is added, but only if it starts inside the input or the left padding.
     */
    static PoolWindows sliding(String op, String dim, int n, int k, int s, int p, int d, boolean ceilMode) {
        if (k < 1 || s < 1 || d < 1 || p < 0)
            throw new IllegalArgumentException(op + ": " + dim + " kernel " + k + ", stride " + s + ", dilation " + d
                    + " must be positive and padding " + p + " non-negative");
        if (p > k / 2)
            throw new IllegalArgumentException(op + ": " + dim + " padding " + p + " must be at most half the kernel size " + k);
        int span = d * (k - 1) + 1;
        int out = Math.floorDiv(n + 2 * p - span + (ceilMode ? s - 1 : 0), s) + 1;
        if (ceilMode && (out - 1) * s >= n + p) out--;
        if (out < 1)
            throw new IllegalArgumentException(op + ": " + dim + " input size " + n + " is too small for kernel " + k
                    + " with padding " + p + " and dilation " + d + " (output size would be " + out + ")");
        int[] lo = new int[out], taps = new int[out], padCount = new int[out];
        for (int i = 0; i < out; i++) {
            int start = i * s - p;
            int first = start < 0 ? (-start + d - 1) / d : 0;  // first tap inside the input
            int end = 0;                                          // one past the last tap inside it
            for (int t = k - 1; t >= 0; t--) if (start + t * d < n) { end = t + 1; break; }
            lo[i] = start + first * d;
            taps[i] = Math.max(0, end - first);
            padCount[i] = Math.min(start + span, n + p) - start;
        }
        return new PoolWindows(n, out, lo, taps, d, padCount);
    }

    /** Adaptive windows: output i of out covers [floor(i*n/out), ceil((i+1)*n/out)). */
    static PoolWindows adaptive(String op, String dim, int n, int out) {
        if (out < 1) throw new IllegalArgumentException(op + ": " + dim + " output size must be positive, got " + out);
        if (n < 1) throw new IllegalArgumentException(op + ": " + dim + " input size must be positive, got " + n);
        int[] lo = new int[out], taps = new int[out];
        for (int i = 0; i < out; i++) {
            lo[i] = (int) ((long) i * n / out);
            taps[i] = (int) (((long) (i + 1) * n + out - 1) / out) - lo[i];
        }
        return new PoolWindows(n, out, lo, taps, 1, taps);
    }
}
