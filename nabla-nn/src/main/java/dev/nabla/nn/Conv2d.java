package dev.nabla.nn;

import dev.nabla.Functional;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/** 2-D convolution over [N, C_in, H, W] (or [C_in, H, W]); weight [C_out, C_in/groups, kh, kw] (PyTorch's nn.Conv2d). */
public final class Conv2d extends Layer {
    /** Hyper-parameters besides the channel counts and kernel size; {@link #defaults()} are PyTorch's. Pairs are (h, w). */
    public record Options(int[] stride, int[] padding, int[] dilation, int groups, boolean bias, String paddingMode) {
        public Options {
            stride = ConvChecks.pair("Conv2d", "stride", stride, 1);
            padding = ConvChecks.pair("Conv2d", "padding", padding, 0);
            dilation = ConvChecks.pair("Conv2d", "dilation", dilation, 1);
            if (groups < 1) throw new IllegalArgumentException("Conv2d.Options: groups must be >= 1, got " + groups);
            PaddingModes.check("Conv2d", paddingMode);
        }
        public static Options defaults() { return new Options(new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}, 1, true, "zeros"); }
        public Options withStride(int s) { return withStride(s, s); }
        public Options withStride(int sh, int sw) { return new Options(new int[] {sh, sw}, padding, dilation, groups, bias, paddingMode); }
        public Options withPadding(int p) { return withPadding(p, p); }
        public Options withPadding(int ph, int pw) { return new Options(stride, new int[] {ph, pw}, dilation, groups, bias, paddingMode); }
        public Options withDilation(int d) { return withDilation(d, d); }
        public Options withDilation(int dh, int dw) { return new Options(stride, padding, new int[] {dh, dw}, groups, bias, paddingMode); }
        public Options withGroups(int g) { return new Options(stride, padding, dilation, g, bias, paddingMode); }
        public Options withBias(boolean b) { return new Options(stride, padding, dilation, groups, b, paddingMode); }
        public Options withPaddingMode(String m) { return new Options(stride, padding, dilation, groups, bias, m); }
        @Override public int[] stride() { return stride.clone(); }
        @Override public int[] padding() { return padding.clone(); }
        @Override public int[] dilation() { return dilation.clone(); }
    }

    private final int inChannels, outChannels;
    private final int[] kernelSize;
    private final Options options;

    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, new int[] {kernelSize, kernelSize}, Options.defaults());
    }

    public Conv2d(int inChannels, int outChannels, int kernelSize, Options options) {
        this(inChannels, outChannels, new int[] {kernelSize, kernelSize}, options);
    }

    public Conv2d(int inChannels, int outChannels, int[] kernelSize, Options options) {
        this(inChannels, outChannels, kernelSize, options, Nabla.defaultGenerator());
    }

    public Conv2d(int inChannels, int outChannels, int[] kernelSize, Options options, Generator generator) {
        ConvChecks.channels("Conv2d", inChannels, outChannels, options.groups());
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = ConvChecks.pair("Conv2d", "kernelSize", kernelSize, 1);
        this.options = options;
        Tensor w = registerParameter("weight", Nabla.zeros(outChannels, inChannels / options.groups(), this.kernelSize[0], this.kernelSize[1]));
        Tensor b = registerParameter("bias", options.bias() ? Nabla.zeros(outChannels) : null);
        DefaultInit.kaimingLinear(w, b, generator);
    }

    public Tensor weight() { return param("weight"); }

    public Tensor bias() { return param("bias"); }

    @Override
    public Tensor forward(Tensor x) {
        ConvChecks.input("Conv2d", x, 2, inChannels);
        if (options.paddingMode().equals("zeros"))
            return Functional.conv2d(x, weight(), bias(), options.stride(), options.padding(), options.dilation(), options.groups());
        Tensor padded = PaddingModes.pad(x, options.paddingMode(), options.padding());
        return Functional.conv2d(padded, weight(), bias(), options.stride(), new int[] {0, 0}, options.dilation(), options.groups());
    }

    @Override
    protected String extraRepr() {
        return ConvChecks.repr(inChannels, outChannels, kernelSize, options.stride(), options.padding(), options.dilation(), null,
                options.groups(), options.bias(), options.paddingMode());
    }
}
