package dev.nabla.nn;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.Arrays;

/** Normalises over the trailing normalizedShape dims of each example, then scales and shifts (PyTorch's nn.LayerNorm). */
public final class LayerNorm extends Layer {
    private final int[] normalizedShape;
    private final double eps;

    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, 1e-5, true);
    }

    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
        if (normalizedShape.length == 0) throw new IllegalArgumentException("LayerNorm: normalizedShape must name at least one dim");
        if (!(eps > 0)) throw new IllegalArgumentException("LayerNorm: eps must be positive, got " + eps);
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        registerParameter("weight", elementwiseAffine ? Nabla.ones(normalizedShape) : null);
        registerParameter("bias", elementwiseAffine ? Nabla.zeros(normalizedShape) : null);
    }

    public Tensor weight() { return param("weight"); }

    public Tensor bias() { return param("bias"); }

    @Override
    public Tensor forward(Tensor x) {
        int k = normalizedShape.length, r = x.dim();
        int[] shape = x.shape();
        if (r < k || !Arrays.equals(Arrays.copyOfRange(shape, r - k, r), normalizedShape))
            throw new IllegalArgumentException("LayerNorm(" + Arrays.toString(normalizedShape) + "): input of shape "
                    + Arrays.toString(shape) + " must end in " + Arrays.toString(normalizedShape));
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) dims[i] = r - k + i;
        Tensor mean = x.mean(dims, true);
        Tensor y = x.sub(mean).mul(x.var(dims, false, true).add(eps).rsqrt());
        return weight() == null ? y : y.mul(weight()).add(bias());
    }

    @Override
    protected String extraRepr() {
        return py(normalizedShape) + ", eps=" + py(eps) + ", elementwise_affine=" + py(weight() != null);
    }
}
