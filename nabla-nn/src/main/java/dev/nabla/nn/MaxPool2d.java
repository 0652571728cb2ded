package dev.nabla.nn;

import dev.nabla.Functional;
import dev.nabla.Tensor;

/** Max over sliding windows of [N, C, H, W] (or [C, H, W]) (PyTorch's nn.MaxPool2d). */
public final class MaxPool2d extends Layer {
    /** Pairs are (h, w); a null stride means "the kernel size", PyTorch's default. */
    public record Options(int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        public Options {
            if (stride != null) stride = ConvChecks.pair("MaxPool2d", "stride", stride, 1);
            padding = ConvChecks.pair("MaxPool2d", "padding", padding, 0);
            dilation = ConvChecks.pair("MaxPool2d", "dilation", dilation, 1);
        }
        public static Options defaults() { return new Options(null, new int[] {0, 0}, new int[] {1, 1}, false); }
        public Options withStride(int s) { return new Options(new int[] {s, s}, padding, dilation, ceilMode); }
        public Options withPadding(int p) { return new Options(stride, new int[] {p, p}, dilation, ceilMode); }
        public Options withDilation(int d) { return new Options(stride, padding, new int[] {d, d}, ceilMode); }
        public Options withCeilMode(boolean c) { return new Options(stride, padding, dilation, c); }
    }

    private final int[] kernelSize, stride;
    private final Options options;

    public MaxPool2d(int kernelSize) {
        this(kernelSize, Options.defaults());
    }

    public MaxPool2d(int kernelSize, Options options) {
        this(new int[] {kernelSize, kernelSize}, options);
    }

    public MaxPool2d(int[] kernelSize, Options options) {
        this.kernelSize = ConvChecks.pair("MaxPool2d", "kernelSize", kernelSize, 1);
        this.stride = options.stride() == null ? this.kernelSize : options.stride();
        this.options = options;
    }

    @Override
    public Tensor forward(Tensor x) {
        return Functional.maxPool2d(x, kernelSize, stride, options.padding(), options.dilation(), options.ceilMode());
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + Pools.repr(kernelSize) + ", stride=" + Pools.repr(stride) + ", padding=" + Pools.repr(options.padding())
                + ", dilation=" + Pools.repr(options.dilation()) + ", ceil_mode=" + py(options.ceilMode());
    }
}
