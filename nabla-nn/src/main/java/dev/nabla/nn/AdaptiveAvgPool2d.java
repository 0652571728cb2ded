package dev.nabla.nn;

import dev.nabla.Functional;
import dev.nabla.Tensor;

/** Averages [N, C, H, W] down to a fixed output size, whatever the input size (PyTorch's nn.AdaptiveAvgPool2d). */
public final class AdaptiveAvgPool2d extends Layer {
    private final int[] outputSize;

    public AdaptiveAvgPool2d(int outputSize) {
        this(new int[] {outputSize, outputSize});
    }

    public AdaptiveAvgPool2d(int[] outputSize) {
        this.outputSize = ConvChecks.pair("AdaptiveAvgPool2d", "outputSize", outputSize, 1);
    }

    @Override
    public Tensor forward(Tensor x) {
        return Functional.adaptiveAvgPool2d(x, outputSize.clone());
    }

    @Override
    protected String extraRepr() {
        return "output_size=" + Pools.repr(outputSize);
    }
}
