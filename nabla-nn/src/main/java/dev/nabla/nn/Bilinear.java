package dev.nabla.nn;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/** y_o = x1^T W_o x2 + b_o, with W of shape [out, in1, in2] (PyTorch's nn.Bilinear). */
public final class Bilinear extends Module {
    private final int in1, in2, out;

    public Bilinear(int in1Features, int in2Features, int outFeatures) {
        this(in1Features, in2Features, outFeatures, true, Nabla.defaultGenerator());
    }

    public Bilinear(int in1Features, int in2Features, int outFeatures, boolean bias, Generator generator) {
        this.in1 = in1Features;
        this.in2 = in2Features;
        this.out = outFeatures;
        Tensor w = registerParameter("weight", Nabla.zeros(outFeatures, in1Features, in2Features));
        Tensor b = registerParameter("bias", bias ? Nabla.zeros(outFeatures) : null);
        // PyTorch bounds both by 1/sqrt(in1), not by the full fan-in.
        double bound = 1 / Math.sqrt(in1Features);
        Init.uniform_(w, -bound, bound, generator);
        if (b != null) Init.uniform_(b, -bound, bound, generator);
    }

    public Tensor weight() { return param("weight"); }

    public Tensor bias() { return param("bias"); }

    public Tensor forward(Tensor x1, Tensor x2) {
        if (x1.dim() == 0 || x1.size(-1) != in1 || x2.dim() == 0 || x2.size(-1) != in2)
            throw new IllegalArgumentException("Bilinear(in1_features=" + in1 + ", in2_features=" + in2 + "): inputs of shapes "
                    + java.util.Arrays.toString(x1.shape()) + " and " + java.util.Arrays.toString(x2.shape())
                    + " must end in " + in1 + " and " + in2 + " features");
        Tensor y = Nabla.einsum("...i,oij,...j->...o", x1, weight(), x2);
        return bias() == null ? y : y.add(bias());
    }

    @Override
    protected String extraRepr() {
        return "in1_features=" + in1 + ", in2_features=" + in2 + ", out_features=" + out + ", bias=" + py(bias() != null);
    }
}
