package dev.nabla.nn;

import dev.nabla.Functional;
import dev.nabla.Tensor;

/** Max over sliding windows of [N, C, L] (or [C, L]) (PyTorch's nn.MaxPool1d). */
public final class MaxPool1d extends Layer {
    /** stride 0 means "the kernel size", PyTorch's default. */
    public record Options(int stride, int padding, int dilation, boolean ceilMode) {
        public Options {
            if (stride < 0 || padding < 0 || dilation < 1)
                throw new IllegalArgumentException("MaxPool1d.Options: need stride >= 0, padding >= 0, dilation >= 1, got stride="
                        + stride + " padding=" + padding + " dilation=" + dilation);
        }
        public static Options defaults() { return new Options(0, 0, 1, false); }
        public Options withStride(int s) { return new Options(s, padding, dilation, ceilMode); }
        public Options withPadding(int p) { return new Options(stride, p, dilation, ceilMode); }
        public Options withDilation(int d) { return new Options(stride, padding, d, ceilMode); }
        public Options withCeilMode(boolean c) { return new Options(stride, padding, dilation, c); }
    }

    private final int kernelSize, stride;
    private final Options options;

    public MaxPool1d(int kernelSize) {
        this(kernelSize, Options.defaults());
    }

    public MaxPool1d(int kernelSize, Options options) {
        this.kernelSize = kernelSize;
        this.stride = options.stride() == 0 ? kernelSize : options.stride();
        this.options = options;
    }

    @Override
    public Tensor forward(Tensor x) {
        return Functional.maxPool1d(x, kernelSize, stride, options.padding(), options.dilation(), options.ceilMode());
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + options.padding() + ", dilation=" + options.dilation()
                + ", ceil_mode=" + py(options.ceilMode());
    }
}
