package dev.nabla.ops;

/**
 * Walks an output shape together with the strides of several operands (stride 0 = broadcast), as a
 * sequence of rows along the innermost dim after merging dims that are contiguous for every operand.
 * Kernels then run one tight loop per row.
 */
final class StridedIter {
    final int[] shape;      // merged dims; the last is the row
    final int[][] strides;  // [operand][dim]
    final int[] offsets;    // base offset per operand
    final int rowLength;
    final int rows;

    StridedIter(int[] shape, int[][] strides, int[] offsets) {
        int ops = strides.length;
        int[] s = new int[Math.max(1, shape.length)];
        int[][] st = new int[ops][s.length];
        int r = 0;
        if (shape.length == 0) {
            s[0] = 1;
        } else {
            // merge from the innermost dim outwards; size-1 dims are dropped
            int cur = -1;
            for (int d = shape.length - 1; d >= 0; d--) {
                if (shape[d] == 1) continue;
                if (cur >= 0 && mergeable(strides, d, st, cur, s[cur])) {
                    s[cur] *= shape[d];
                    continue;
                }
                cur = r++;
                s[cur] = shape[d];
                for (int k = 0; k < ops; k++) st[k][cur] = strides[k][d];
            }
            if (r == 0) { s[0] = 1; r = 1; }
            // reverse into outer-to-inner order
            int[] ss = new int[r];
            int[][] sts = new int[ops][r];
            for (int i = 0; i < r; i++) {
                ss[i] = s[r - 1 - i];
                for (int k = 0; k < ops; k++) sts[k][i] = st[k][r - 1 - i];
            }
            s = ss;
            st = sts;
        }
        this.shape = s;
        this.strides = st;
        this.offsets = offsets;
        this.rowLength = s[s.length - 1];
        int n = 1;
        for (int i = 0; i < s.length - 1; i++) n *= s[i];
        this.rows = n;
    }

    private static boolean mergeable(int[][] strides, int d, int[][] st, int cur, int curSize) {
        for (int k = 0; k < strides.length; k++) if (strides[k][d] != st[k][cur] * curSize) return false;
        return true;
    }

    int operandStride(int operand) {
        return strides[operand][shape.length - 1];
    }

    /** Fills offs with each operand's offset at the start of row r. */
    void rowOffsets(int r, int[] offs) {
        for (int k = 0; k < offs.length; k++) offs[k] = offsets[k];
        for (int d = shape.length - 2; d >= 0 && r > 0; d--) {
            int i = r % shape[d];
            r /= shape[d];
            for (int k = 0; k < offs.length; k++) offs[k] += i * strides[k][d];
        }
    }
}
