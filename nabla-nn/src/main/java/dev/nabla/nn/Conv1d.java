package dev.nabla.nn;

import dev.nabla.Functional;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/** 1-D convolution over [N, C_in, L] (or [C_in, L]); weight [C_out, C_in/groups, k] (PyTorch's nn.Conv1d). */
public final class Conv1d extends Layer {
    /** Hyper-parameters besides the channel counts and kernel size; {@link #defaults()} are PyTorch's. */
    public record Options(int stride, int padding, int dilation, int groups, boolean bias, String paddingMode) {
        public Options {
            if (stride < 1 || dilation < 1 || groups < 1 || padding < 0)
                throw new IllegalArgumentException("Conv1d.Options: stride, dilation and groups must be >= 1 and padding >= 0, got stride="
                        + stride + " padding=" + padding + " dilation=" + dilation + " groups=" + groups);
            PaddingModes.check("Conv1d", paddingMode);
        }
        public static Options defaults() { return new Options(1, 0, 1, 1, true, "zeros"); }
        public Options withStride(int s) { return new Options(s, padding, dilation, groups, bias, paddingMode); }
        public Options withPadding(int p) { return new Options(stride, p, dilation, groups, bias, paddingMode); }
        public Options withDilation(int d) { return new Options(stride, padding, d, groups, bias, paddingMode); }
        public Options withGroups(int g) { return new Options(stride, padding, dilation, g, bias, paddingMode); }
        public Options withBias(boolean b) { return new Options(stride, padding, dilation, groups, b, paddingMode); }
        public Options withPaddingMode(String m) { return new Options(stride, padding, dilation, groups, bias, m); }
    }

    private final int inChannels, outChannels, kernelSize;
    private final Options options;

    public Conv1d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, Options.defaults());
    }

    public Conv1d(int inChannels, int outChannels, int kernelSize, Options options) {
        this(inChannels, outChannels, kernelSize, options, Nabla.defaultGenerator());
    }

    public Conv1d(int inChannels, int outChannels, int kernelSize, Options options, Generator generator) {
        ConvChecks.channels("Conv1d", inChannels, outChannels, options.groups());
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = kernelSize;
        this.options = options;
        Tensor w = registerParameter("weight", Nabla.zeros(outChannels, inChannels / options.groups(), kernelSize));
        Tensor b = registerParameter("bias", options.bias() ? Nabla.zeros(outChannels) : null);
        DefaultInit.kaimingLinear(w, b, generator);
    }

    public Tensor weight() { return param("weight"); }

    public Tensor bias() { return param("bias"); }

    @Override
    public Tensor forward(Tensor x) {
        ConvChecks.input("Conv1d", x, 1, inChannels);
        if (options.paddingMode().equals("zeros"))
            return Functional.conv1d(x, weight(), bias(), options.stride(), options.padding(), options.dilation(), options.groups());
        Tensor padded = PaddingModes.pad(x, options.paddingMode(), options.padding());
        return Functional.conv1d(padded, weight(), bias(), options.stride(), 0, options.dilation(), options.groups());
    }

    @Override
    protected String extraRepr() {
        return ConvChecks.repr(inChannels, outChannels, new int[] {kernelSize}, new int[] {options.stride()}, new int[] {options.padding()},
                new int[] {options.dilation()}, null, options.groups(), options.bias(), options.paddingMode());
    }
}
