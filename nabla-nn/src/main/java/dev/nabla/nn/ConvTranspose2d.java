package dev.nabla.nn;

import dev.nabla.Functional;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/**
 * Transposed 2-D convolution (the gradient of Conv2d with respect to its input); weight
 * [C_in, C_out/groups, kh, kw] (PyTorch's nn.ConvTranspose2d).
 */
public final class ConvTranspose2d extends Layer {
    /** Hyper-parameters besides the channel counts and kernel size; {@link #defaults()} are PyTorch's. Pairs are (h, w). */
    public record Options(int[] stride, int[] padding, int[] outputPadding, int groups, boolean bias, int[] dilation) {
        public Options {
            stride = ConvChecks.pair("ConvTranspose2d", "stride", stride, 1);
            padding = ConvChecks.pair("ConvTranspose2d", "padding", padding, 0);
            outputPadding = ConvChecks.pair("ConvTranspose2d", "outputPadding", outputPadding, 0);
            dilation = ConvChecks.pair("ConvTranspose2d", "dilation", dilation, 1);
            if (groups < 1) throw new IllegalArgumentException("ConvTranspose2d.Options: groups must be >= 1, got " + groups);
        }
        public static Options defaults() {
            return new Options(new int[] {1, 1}, new int[] {0, 0}, new int[] {0, 0}, 1, true, new int[] {1, 1});
        }
        public Options withStride(int s) { return new Options(new int[] {s, s}, padding, outputPadding, groups, bias, dilation); }
        public Options withPadding(int p) { return new Options(stride, new int[] {p, p}, outputPadding, groups, bias, dilation); }
        public Options withOutputPadding(int p) { return new Options(stride, padding, new int[] {p, p}, groups, bias, dilation); }
        public Options withGroups(int g) { return new Options(stride, padding, outputPadding, g, bias, dilation); }
        public Options withBias(boolean b) { return new Options(stride, padding, outputPadding, groups, b, dilation); }
        public Options withDilation(int d) { return new Options(stride, padding, outputPadding, groups, bias, new int[] {d, d}); }
        @Override public int[] stride() { return stride.clone(); }
        @Override public int[] padding() { return padding.clone(); }
        @Override public int[] outputPadding() { return outputPadding.clone(); }
        @Override public int[] dilation() { return dilation.clone(); }
    }

    private final int inChannels, outChannels;
    private final int[] kernelSize;
    private final Options options;

    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, Options.defaults());
    }

    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, Options options) {
        this(inChannels, outChannels, new int[] {kernelSize, kernelSize}, options, Nabla.defaultGenerator());
    }

    public ConvTranspose2d(int inChannels, int outChannels, int[] kernelSize, Options options, Generator generator) {
        ConvChecks.channels("ConvTranspose2d", inChannels, outChannels, options.groups());
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = ConvChecks.pair("ConvTranspose2d", "kernelSize", kernelSize, 1);
        this.options = options;
        Tensor w = registerParameter("weight", Nabla.zeros(inChannels, outChannels / options.groups(), this.kernelSize[0], this.kernelSize[1]));
        Tensor b = registerParameter("bias", options.bias() ? Nabla.zeros(outChannels) : null);
        // fan_in is read from dim 1 (C_out/groups * k*k), exactly as PyTorch does for transposed weights.
        DefaultInit.kaimingLinear(w, b, generator);
    }

    public Tensor weight() { return param("weight"); }

    public Tensor bias() { return param("bias"); }

    @Override
    public Tensor forward(Tensor x) {
        ConvChecks.input("ConvTranspose2d", x, 2, inChannels);
        return Functional.convTranspose2d(x, weight(), bias(), options.stride(), options.padding(), options.outputPadding(),
                options.groups(), options.dilation());
    }

    @Override
    protected String extraRepr() {
        return ConvChecks.repr(inChannels, outChannels, kernelSize, options.stride(), options.padding(), options.dilation(),
                options.outputPadding(), options.groups(), options.bias(), "zeros");
    }
}
