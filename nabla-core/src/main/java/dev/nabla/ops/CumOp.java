package dev.nabla.ops;

import dev.nabla.DType;
import dev.nabla.Dispatch;
import dev.nabla.Nabla;
import dev.nabla.Storage;
import dev.nabla.Tensor;

/**
 * Inclusive scan along one dim: cumulative sum or product. Integer and bool inputs give int64, as in
 * PyTorch; floating inputs accumulate in double (PyTorch's CPU accumulation type) and keep their dtype.
 */
final class CumOp extends Op {
    private final int dim;
    private final boolean product;

    CumOp(int dim, boolean product) {
        this.dim = dim;
        this.product = product;
    }

    @Override
    public String name() {
        return product ? "cumprod" : "cumsum";
    }

    @Override
    public boolean backwardUsesInputs() {
        return product;
    }

    @Override
    public boolean backwardUsesOutput() {
        return product;
    }

    @Override
    public Tensor forward(Tensor[] in) {
        Tensor x = in[0];
        boolean floating = x.dtype().isFloatingPoint();
        Tensor out = Tensor.empty(floating ? x.dtype() : DType.INT64, x.shape());
        int n = x.size(dim), xst = x.stride()[dim], ost = out.stride()[dim];
        Storage xs = x.storage(), os = out.storage();
        IndexKernels.forEachLine(x.shape(), dim, new int[][] {x.stride(), out.stride()}, new int[] {x.offset(), 0}, offs -> {
            if (floating) {
                double acc = product ? 1 : 0;
                for (int i = 0; i < n; i++) {
                    double v = xs.getDouble(offs[0] + i * xst);
                    acc = product ? acc * v : acc + v;
                    os.setDouble(offs[1] + i * ost, acc);
                }
            } else {
                long acc = product ? 1 : 0;
                for (int i = 0; i < n; i++) {
                    long v = xs.getLong(offs[0] + i * xst);
                    acc = product ? acc * v : acc + v;
                    os.setLong(offs[1] + i * ost, acc);
                }
            }
        });
        return out;
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) {
        if (!product) return new Tensor[] {reverseCumsum(g)};
        // as in PyTorch: the O(n) rule's own derivative is wrong at zeros, so a graph being built for
        // higher-order gradients gets the O(n^2) rule instead
        return new Tensor[] {Nabla.isGradEnabled() ? cumprodGradTwice(in[0], g) : cumprodGrad(in[0], out, g)};
    }

    /** sum over j >= i of t[j]: the adjoint of cumsum. */
    private Tensor reverseCumsum(Tensor t) {
        return t.flip(dim).cumsum(dim).flip(dim);
    }

    /**
     * d/dx_i of sum_j g_j y_j is sum_{j>=i} g_j prod_{m<=j, m!=i} x_m. Before the first zero of a line
     * that is reverseCumsum(g*y)/x_i; at the first zero it is reverseCumsum(g*y') where y' is the
     * cumprod with that zero replaced by 1; after it every term holds the zero, so 0. Written with
     * tensor ops, with no division by zero reaching a taken branch; the constant 0 after the first zero
     * is right in value but not in its derivative with respect to that zero.
     */
    private Tensor cumprodGrad(Tensor x, Tensor y, Tensor g) {
        Tensor zero = x.eq(0);
        Tensor zerosSoFar = zero.cumsum(dim);
        Tensor before = zerosSoFar.eq(0);
        Tensor first = zero.logicalAnd(zerosSoFar.eq(1));
        Tensor one = Nabla.scalarLike(1, x);
        Tensor gBefore = reverseCumsum(g.mul(y)).div(Nabla.where(before, x, one));
        Tensor gFirst = reverseCumsum(g.mul(Nabla.where(first, one, x).cumprod(dim)));
        return Nabla.where(before, gBefore, Nabla.where(first, gFirst, Nabla.scalarLike(0, g)));
    }

    /** The same sum as one product per k: prod_{j<k} x_j times the cumprod of x after k. Differentiable everywhere. */
    private Tensor cumprodGradTwice(Tensor x, Tensor g) {
        int n = x.size(dim);
        int[] single = x.shape();
        single[dim] = 1;
        Tensor[] grads = new Tensor[n];
        for (int k = 0; k < n; k++) {
            Tensor head = k == 0 ? Nabla.scalarLike(1, x).expand(single) : x.narrow(dim, 0, k).prod(dim, true);
            Tensor omitted = k == n - 1 ? head : IndexOps.cat(new Tensor[] {head, x.narrow(dim, k + 1, n - 1 - k).cumprod(dim).mul(head)}, dim);
            grads[k] = g.narrow(dim, k, n - k).mul(omitted).sum(dim, true);
        }
        return IndexOps.cat(grads, dim);
    }

    @Override
    public Tensor batch(Tensor[] in, boolean[] batched) {
        return Dispatch.call(new CumOp(dim + 1, product), in[0]);
    }
}
