package dev.nabla.nn;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.Arrays;

/** Normalises [N, C, *] over groups of C/numGroups channels per example, then a per-channel affine (PyTorch's nn.GroupNorm). */
public final class GroupNorm extends Layer {
    private final int numGroups, numChannels;
    private final double eps;

    public GroupNorm(int numGroups, int numChannels) {
        this(numGroups, numChannels, 1e-5, true);
    }

    public GroupNorm(int numGroups, int numChannels, double eps, boolean affine) {
        if (numGroups <= 0 || numChannels % numGroups != 0)
            throw new IllegalArgumentException("GroupNorm: numChannels " + numChannels + " must be divisible by numGroups " + numGroups);
        this.numGroups = numGroups;
        this.numChannels = numChannels;
        this.eps = eps;
        registerParameter("weight", affine ? Nabla.ones(numChannels) : null);
        registerParameter("bias", affine ? Nabla.zeros(numChannels) : null);
    }

    public Tensor weight() { return param("weight"); }

    public Tensor bias() { return param("bias"); }

    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() < 2 || x.size(1) != numChannels)
            throw new IllegalArgumentException("GroupNorm(" + numGroups + ", " + numChannels + "): expected [N, " + numChannels
                    + ", *], got shape " + Arrays.toString(x.shape()));
        Tensor g = x.reshape(x.size(0), numGroups, -1);
        Tensor mean = g.mean(2, true);
        Tensor y = g.sub(mean).mul(g.var(2, false, true).add(eps).rsqrt()).reshape(x.shape());
        if (weight() == null) return y;
        int[] channelShape = new int[x.dim()];
        Arrays.fill(channelShape, 1);
        channelShape[1] = numChannels;
        return y.mul(weight().reshape(channelShape)).add(bias().reshape(channelShape));
    }

    @Override
    protected String extraRepr() {
        return numGroups + ", " + numChannels + ", eps=" + py(eps) + ", affine=" + py(weight() != null);
    }
}
