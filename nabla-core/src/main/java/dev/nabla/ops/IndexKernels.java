package dev.nabla.ops;

import dev.nabla.DType;
import dev.nabla.Shapes;
import dev.nabla.Storage;
import dev.nabla.Tensor;

/**
 * Element-level helpers shared by the gather, scatter, sort and scan kernels: dtype-generic copy and
 * add of single elements, index validation, and a walk over the 1-D lines of a tensor along one dim.
 */
final class IndexKernels {
    private IndexKernels() {}

    static void copy(Storage src, int si, Storage dst, int di) {
        switch (dst.dtype()) {
            case FLOAT32 -> dst.floats()[di] = src.floats()[si];
            case FLOAT64 -> dst.doubles()[di] = src.doubles()[si];
            case INT32 -> dst.ints()[di] = src.ints()[si];
            case INT64 -> dst.longs()[di] = src.longs()[si];
            case BOOL -> dst.bools()[di] = src.bools()[si];
        }
    }

    /** dst[di] += src[si]; for bool the sum saturates at true, as PyTorch's bool add does. */
    static void add(Storage src, int si, Storage dst, int di) {
        switch (dst.dtype()) {
            case FLOAT32 -> dst.floats()[di] += src.floats()[si];
            case FLOAT64 -> dst.doubles()[di] += src.doubles()[si];
            case INT32 -> dst.ints()[di] += src.ints()[si];
            case INT64 -> dst.longs()[di] += src.longs()[si];
            case BOOL -> dst.bools()[di] |= src.bools()[si];
        }
    }

    /** Refuses index tensors that are not int64/int32: float indices are almost always a bug upstream. */
    static void requireIndexType(String op, Tensor index) {
        if (index.dtype() != DType.INT64 && index.dtype() != DType.INT32)
            throw new IllegalArgumentException(op + ": index must be an int64 (or int32) tensor, got " + index.dtype());
    }

    /** Reads index element i and checks it lies in [0, size) of dim. */
    static int index(String op, Storage index, int i, int dim, int size) {
        long k = index.getLong(i);
        if (k < 0 || k >= size)
            throw new IndexOutOfBoundsException(op + ": index " + k + " is out of bounds for dim " + dim + " of size " + size);
        return (int) k;
    }

    /** Receives each operand's offset at the start of one line. */
    interface LineVisitor {
        void line(int[] offsets);
    }

    /**
     * Visits every 1-D line of shape along dim (all positions with the other coordinates fixed),
     * handing the visitor each operand's element offset at the line's first element.
     */
    static void forEachLine(int[] shape, int dim, int[][] strides, int[] offsets, LineVisitor visitor) {
        if (Shapes.numel(shape) == 0) return;
        int[] outer = shape.clone();
        outer[dim] = 1;
        StridedIter it = new StridedIter(outer, strides, offsets);
        int ops = strides.length;
        int[] rowStart = new int[ops], cur = new int[ops], step = new int[ops];
        for (int k = 0; k < ops; k++) step[k] = it.operandStride(k);
        for (int r = 0; r < it.rows; r++) {
            it.rowOffsets(r, rowStart);
            for (int i = 0; i < it.rowLength; i++) {
                for (int k = 0; k < ops; k++) cur[k] = rowStart[k] + i * step[k];
                visitor.line(cur);
            }
        }
    }

    /** Stride of every operand with dim zeroed, so an iterator over the other dims ignores it. */
    static int[] withoutDim(int[] strides, int dim) {
        int[] s = strides.clone();
        s[dim] = 0;
        return s;
    }
}
