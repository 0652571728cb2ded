package dev.nabla.ops;

import dev.nabla.Dispatch;
import dev.nabla.Nabla;
import dev.nabla.Shapes;
import dev.nabla.Tensor;
import java.util.Arrays;

/** View primitives (reshape, permute, expand, slice), their scatter inverse, and copy. */
public final class ViewOps {
    private ViewOps() {}

    /** A contiguous copy. */
    public static final Op COPY = new Op() {
        @Override public String name() { return "clone"; }
        @Override public Tensor forward(Tensor[] in) { return Conversions.convert(in[0], in[0].dtype()); }
        @Override public boolean backwardUsesInputs() { return false; }
        @Override public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) { return new Tensor[] {g}; }
        @Override public Tensor batch(Tensor[] in, boolean[] batched) { return Dispatch.call(this, in[0]); }
    };

    /** Resolves one -1 entry against numel and checks the element count. */
    public static int[] inferShape(String op, int[] shape, int numel) {
        int infer = -1, known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (infer >= 0) throw new IllegalArgumentException(op + ": only one dimension can be -1, got " + Shapes.str(shape));
                infer = i;
            } else if (shape[i] < 0) {
                throw new IllegalArgumentException(op + ": invalid size " + shape[i] + " in " + Shapes.str(shape));
            } else {
                known *= shape[i];
            }
        }
        int[] r = shape.clone();
        if (infer >= 0) {
            if (known == 0 || numel % known != 0)
                throw new IllegalArgumentException(op + ": shape " + Shapes.str(shape) + " is invalid for " + numel + " elements");
            r[infer] = numel / known;
        } else if (known != numel) {
            throw new IllegalArgumentException(op + ": shape " + Shapes.str(shape) + " is invalid for " + numel + " elements");
        }
        return r;
    }

    /** Strides that view (oldShape, oldStrides) as newShape without copying, or null when impossible. */
    public static int[] viewStrides(int[] oldShape, int[] oldStrides, int[] newShape) {
        if (Shapes.numel(oldShape) == 0 || oldShape.length == 0) return Shapes.contiguousStrides(newShape);
        int[] ns = new int[newShape.length];
        int viewD = newShape.length - 1;
        int chunkBase = oldStrides[oldShape.length - 1];
        long tensorNumel = 1, viewNumel = 1;
        for (int d = oldShape.length - 1; d >= 0; d--) {
            tensorNumel *= oldShape[d];
            if (d == 0 || oldShape[d - 1] != 1 && oldStrides[d - 1] != tensorNumel * chunkBase) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    ns[viewD] = (int) (viewNumel * chunkBase);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) return null;
                if (d > 0) {
                    chunkBase = oldStrides[d - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD == -1 ? ns : null;
    }

    public static Op reshape(int[] shape) {
        return new Op() {
            @Override public String name() { return "reshape"; }
            @Override public Tensor forward(Tensor[] in) {
                Tensor x = in[0];
                if (Arrays.equals(x.shape(), shape)) return Tensor.view(x.storage(), shape.clone(), x.stride(), x.offset());
                int[] st = viewStrides(x.shape(), x.stride(), shape);
                if (st == null) {
                    x = Conversions.convert(x, x.dtype());
                    st = Shapes.contiguousStrides(shape);
                }
                return Tensor.view(x.storage(), shape.clone(), st, x.offset());
            }
            @Override public boolean backwardUsesInputs() { return false; }
            @Override public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) {
                return new Tensor[] {g.reshape(in[0].shape())};
            }
            @Override public Tensor batch(Tensor[] in, boolean[] batched) {
                return in[0].reshape(Shapes.insert(shape, 0, in[0].size(0)));
            }
        };
    }

    public static Op permute(String op, int[] dims, int rank) {
        if (dims.length != rank)
            throw new IllegalArgumentException(op + ": got " + dims.length + " dims " + Arrays.toString(dims) + " for a tensor of rank " + rank);
        int[] p = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            p[i] = Shapes.dim(op, dims[i], rank);
            if (seen[p[i]]) throw new IllegalArgumentException(op + ": dim " + dims[i] + " repeats in " + Arrays.toString(dims));
            seen[p[i]] = true;
        }
        return new Op() {
            @Override public String name() { return "permute"; }
            @Override public Tensor forward(Tensor[] in) {
                int[] s = in[0].shape(), st = in[0].stride();
                int[] ns = new int[rank], nst = new int[rank];
                for (int i = 0; i < rank; i++) {
                    ns[i] = s[p[i]];
                    nst[i] = st[p[i]];
                }
                return Tensor.view(in[0].storage(), ns, nst, in[0].offset());
            }
            @Override public boolean backwardUsesInputs() { return false; }
            @Override public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) {
                int[] inv = new int[rank];
                for (int i = 0; i < rank; i++) inv[p[i]] = i;
                return new Tensor[] {g.permute(inv)};
            }
            @Override public Tensor batch(Tensor[] in, boolean[] batched) {
                int[] q = new int[rank + 1];
                for (int i = 0; i < rank; i++) q[i + 1] = p[i] + 1;
                return in[0].permute(q);
            }
        };
    }

    public static Op expand(int[] shape, int[] sizes) {
        if (sizes.length < shape.length)
            throw new IllegalArgumentException("expand: target " + Shapes.str(sizes) + " has fewer dims than the tensor " + Shapes.str(shape));
        int[] target = sizes.clone();
        int off = sizes.length - shape.length;
        for (int i = 0; i < sizes.length; i++) {
            int cur = i < off ? 1 : shape[i - off];
            if (sizes[i] == -1) {
                if (i < off) throw new IllegalArgumentException("expand: -1 is not allowed for the new leading dim " + i + " in " + Shapes.str(sizes));
                target[i] = cur;
            } else if (cur != 1 && cur != sizes[i]) {
                throw new IllegalArgumentException("expand: the size of dim " + i + " (" + cur + ") must match " + sizes[i]
                        + " or be 1; tensor " + Shapes.str(shape) + ", target " + Shapes.str(sizes));
            }
        }
        return new Op() {
            @Override public String name() { return "expand"; }
            @Override public Tensor forward(Tensor[] in) {
                int[] st = in[0].stride();
                int[] nst = new int[target.length];
                for (int i = off; i < target.length; i++) nst[i] = shape[i - off] == 1 && target[i] != 1 ? 0 : st[i - off];
                return Tensor.view(in[0].storage(), target.clone(), nst, in[0].offset());
            }
            @Override public boolean backwardUsesInputs() { return false; }
            @Override public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) {
                return new Tensor[] {ReduceOps.sumToShape(g, in[0].shape())};
            }
            @Override public Tensor batch(Tensor[] in, boolean[] batched) {
                Tensor x = in[0];
                int[] s = x.shape();
                int[] padded = new int[target.length + 1];
                Arrays.fill(padded, 1);
                padded[0] = s[0];
                System.arraycopy(s, 1, padded, 1 + off, s.length - 1);
                return x.reshape(padded).expand(Shapes.insert(target, 0, s[0]));
            }
        };
    }

    /** Slice of dim: start, start+step, ... below end; out-of-range bounds are clamped as in Python. */
    public static Op slice(int[] shape, int dim, int start, int end, int step) {
        int d = Shapes.dim("slice", dim, shape.length);
        if (shape.length == 0) throw new IllegalArgumentException("slice: cannot slice a 0-dim tensor");
        if (step <= 0) throw new IllegalArgumentException("slice: step must be positive, got " + step);
        int size = shape[d];
        int s = clampIndex(start, size), e = clampIndex(end, size);
        int len = e > s ? (e - s + step - 1) / step : 0;
        return new SliceOp(shape, d, s, len, step);
    }

    private static int clampIndex(int i, int size) {
        if (i < 0) i += size;
        return Math.max(0, Math.min(size, i));
    }

    private static final class SliceOp extends Op {
        final int[] inShape;
        final int dim, start, len, step;

        SliceOp(int[] inShape, int dim, int start, int len, int step) {
            this.inShape = inShape;
            this.dim = dim;
            this.start = start;
            this.len = len;
            this.step = step;
        }

        @Override public String name() { return "slice"; }
        @Override public Tensor forward(Tensor[] in) {
            int[] s = in[0].shape(), st = in[0].stride();
            int off = in[0].offset() + start * st[dim];
            s[dim] = len;
            st[dim] *= step;
            return Tensor.view(in[0].storage(), s, st, off);
        }
        @Override public boolean backwardUsesInputs() { return false; }
        @Override public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) {
            return new Tensor[] {Dispatch.call(new SliceScatterOp(in[0].shape(), dim, start, len, step), g)};
        }
        @Override public Tensor batch(Tensor[] in, boolean[] batched) {
            return Dispatch.call(new SliceOp(Shapes.insert(inShape, 0, in[0].size(0)), dim + 1, start, len, step), in[0]);
        }
    }

    /** Zeros of the full shape with the gradient written into the slice: the adjoint of slice. */
    private static final class SliceScatterOp extends Op {
        final int[] fullShape;
        final int dim, start, len, step;

        SliceScatterOp(int[] fullShape, int dim, int start, int len, int step) {
            this.fullShape = fullShape;
            this.dim = dim;
            this.start = start;
            this.len = len;
            this.step = step;
        }

        @Override public String name() { return "slice_scatter"; }
        @Override public Tensor forward(Tensor[] in) {
            Tensor out = Nabla.zeros(in[0].dtype(), fullShape);
            Tensor window = new SliceOp(fullShape, dim, start, len, step).forward(new Tensor[] {out});
            Elementwise.copyInto(in[0], window);
            return out;
        }
        @Override public boolean backwardUsesInputs() { return false; }
        @Override public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) {
            return new Tensor[] {Dispatch.call(new SliceOp(fullShape, dim, start, len, step), g)};
        }
        @Override public Tensor batch(Tensor[] in, boolean[] batched) {
            return Dispatch.call(new SliceScatterOp(Shapes.insert(fullShape, 0, in[0].size(0)), dim + 1, start, len, step), in[0]);
        }
    }
}
