package dev.nabla.nn;

import dev.nabla.Functional;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/** y = x W^T + b over the last dim, with W of shape [out, in] (PyTorch's nn.Linear). */
public final class Linear extends Layer {
    private final int inFeatures, outFeatures;

    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this(inFeatures, outFeatures, bias, Nabla.defaultGenerator());
    }

    public Linear(int inFeatures, int outFeatures, boolean bias, Generator generator) {
        if (inFeatures < 0 || outFeatures < 0)
            throw new IllegalArgumentException("Linear: feature counts must be non-negative, got in=" + inFeatures + " out=" + outFeatures);
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        Tensor w = registerParameter("weight", Nabla.zeros(outFeatures, inFeatures));
        Tensor b = registerParameter("bias", bias ? Nabla.zeros(outFeatures) : null);
        DefaultInit.kaimingLinear(w, b, generator);
    }

    public Tensor weight() { return param("weight"); }

    /** The bias, or null for a layer built without one. */
    public Tensor bias() { return param("bias"); }

    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() == 0 || x.size(-1) != inFeatures)
            throw new IllegalArgumentException("Linear(in_features=" + inFeatures + "): input of shape "
                    + java.util.Arrays.toString(x.shape()) + " must have " + inFeatures + " features in its last dim");
        return Functional.linear(x, weight(), bias());
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + py(bias() != null);
    }
}
