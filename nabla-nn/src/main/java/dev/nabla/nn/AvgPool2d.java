package dev.nabla.nn;

import dev.nabla.Functional;
import dev.nabla.Tensor;

/** Mean over sliding windows of [N, C, H, W] (or [C, H, W]) (PyTorch's nn.AvgPool2d). */
public final class AvgPool2d extends Layer {
    /** Pairs are (h, w); a null stride means "the kernel size"; divisorOverride 0 means none. */
    public record Options(int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad, int divisorOverride) {
        public Options {
            if (stride != null) stride = ConvChecks.pair("AvgPool2d", "stride", stride, 1);
            padding = ConvChecks.pair("AvgPool2d", "padding", padding, 0);
            if (divisorOverride < 0) throw new IllegalArgumentException("AvgPool2d.Options: divisorOverride must be >= 0 (0 = none), got " + divisorOverride);
        }
        public static Options defaults() { return new Options(null, new int[] {0, 0}, false, true, 0); }
        public Options withStride(int s) { return new Options(new int[] {s, s}, padding, ceilMode, countIncludePad, divisorOverride); }
        public Options withPadding(int p) { return new Options(stride, new int[] {p, p}, ceilMode, countIncludePad, divisorOverride); }
        public Options withCeilMode(boolean c) { return new Options(stride, padding, c, countIncludePad, divisorOverride); }
        public Options withCountIncludePad(boolean c) { return new Options(stride, padding, ceilMode, c, divisorOverride); }
        public Options withDivisorOverride(int d) { return new Options(stride, padding, ceilMode, countIncludePad, d); }
    }

    private final int[] kernelSize, stride;
    private final Options options;

    public AvgPool2d(int kernelSize) {
        this(kernelSize, Options.defaults());
    }

    public AvgPool2d(int kernelSize, Options options) {
        this(new int[] {kernelSize, kernelSize}, options);
    }

    public AvgPool2d(int[] kernelSize, Options options) {
        this.kernelSize = ConvChecks.pair("AvgPool2d", "kernelSize", kernelSize, 1);
        this.stride = options.stride() == null ? this.kernelSize : options.stride();
        this.options = options;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (options.divisorOverride() > 0)
            return Functional.avgPool2d(x, kernelSize, stride, options.padding(), options.ceilMode(), options.countIncludePad(), options.divisorOverride());
        return Functional.avgPool2d(x, kernelSize, stride, options.padding(), options.ceilMode(), options.countIncludePad());
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + Pools.repr(kernelSize) + ", stride=" + Pools.repr(stride) + ", padding=" + Pools.repr(options.padding());
    }
}
