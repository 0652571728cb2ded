package dev.nabla.ops;

import dev.nabla.DType;
import dev.nabla.Dispatch;
import dev.nabla.Storage;
import dev.nabla.Tensor;

/**
 * The int64 permutation that sorts each line along dim; stable (ties keep their order, also when
 * descending). NaN ranks above +inf and -0.0 equals 0.0, as in PyTorch. Not differentiable: sort's
 * values come from gather with these indices.
 */
final class ArgsortOp extends Op {
    private final int dim;
    private final boolean descending;

    ArgsortOp(int dim, boolean descending) {
        this.dim = dim;
        this.descending = descending;
    }

    @Override
    public String name() {
        return "argsort";
    }

    @Override
    public boolean isDifferentiable() {
        return false;
    }

    @Override
    public Tensor forward(Tensor[] in) {
        Tensor x = in[0];
        Tensor out = Tensor.empty(DType.INT64, x.shape());
        int n = x.size(dim), xst = x.stride()[dim], ost = out.stride()[dim];
        Storage xs = x.storage();
        long[] os = out.storage().longs();
        double[] keys = new double[n];
        int[] order = new int[n], scratch = new int[n];
        IndexKernels.forEachLine(x.shape(), dim, new int[][] {x.stride(), out.stride()}, new int[] {x.offset(), 0}, offs -> {
            for (int i = 0; i < n; i++) {
                keys[i] = xs.getDouble(offs[0] + i * xst);
                order[i] = i;
            }
            mergeSort(order, scratch, 0, n, keys);
            for (int i = 0; i < n; i++) os[offs[1] + i * ost] = order[i];
        });
        return out;
    }

    /** Whether a must come before b: by value, NaN largest; equal keys never precede (stability). */
    private boolean before(double a, double b) {
        if (descending) {
            double t = a;
            a = b;
            b = t;
        }
        return a < b || Double.isNaN(b) && !Double.isNaN(a);
    }

    /** Stable top-down merge sort of order[lo, hi) by keys. */
    private void mergeSort(int[] order, int[] scratch, int lo, int hi, double[] keys) {
        if (hi - lo < 2) return;
        int mid = (lo + hi) >>> 1;
        mergeSort(order, scratch, lo, mid, keys);
        mergeSort(order, scratch, mid, hi, keys);
        System.arraycopy(order, lo, scratch, lo, hi - lo);
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi) order[k++] = before(keys[scratch[j]], keys[scratch[i]]) ? scratch[j++] : scratch[i++];
        while (i < mid) order[k++] = scratch[i++];
        while (j < hi) order[k++] = scratch[j++];
    }

    @Override
    public Tensor batch(Tensor[] in, boolean[] batched) {
        return Dispatch.call(new ArgsortOp(dim + 1, descending), in[0]);
    }
}
