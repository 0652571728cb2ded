package dev.nabla.bench;

import static dev.nabla.bench.BenchResult.params;

import dev.nabla.Functional;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/**
 * Throughput of the big kernels at one thread count (set by the caller with Parallel.setThreads).
 * Every op is timed out-of-place through the public Tensor API, allocation of the result included,
 * because that is what user code pays, and what {@code a + b} costs in NumPy and PyTorch too.
 */
final class KernelBenches {
    private final Measure.Budget budget;
    private final int threads;

    KernelBenches(Measure.Budget budget, int threads) {
        this.budget = budget;
        this.threads = threads;
    }

    /**
     * n x n float32 sgemm: the pure-Java kernels always, and the system BLAS through FFM when one is
     * found, both in this process so the ratio is measured in one sitting.
     */
    java.util.List<BenchResult> sgemm(int n, boolean quick) {
        long warmup = quick ? 50_000_000L : 1_500_000_000L;
        var rows = new java.util.ArrayList<BenchResult>();
        rows.add(BenchResult.of("sgemm", params("n", n, "threads", threads, "impl", "java"),
                SgemmBench.gflops(n, threads, false, warmup), "GFLOP/s"));
        if (dev.nabla.cpu.Gemm.nativeAvailable())
            rows.add(BenchResult.of("sgemm", params("n", n, "threads", threads, "impl", "native"),
                    SgemmBench.gflops(n, threads, true, warmup), "GFLOP/s"));
        return rows;
    }

    /** a + b: reads 2 floats, writes 1, so 12 bytes per element. */
    BenchResult elementwiseAdd(int n) {
        Tensor a = Nabla.rand(n), b = Nabla.rand(n);
        double ns = Measure.medianNanos(() -> a.add(b), budget);
        return BenchResult.of("elementwise", params("op", "add", "n", n, "threads", threads), 12.0 * n / ns, "GB/s");
    }

    /** exp(a): reads 1 float, writes 1, so 8 bytes per element. */
    BenchResult elementwiseExp(int n) {
        Tensor a = Nabla.rand(n);
        double ns = Measure.medianNanos(a::exp, budget);
        return BenchResult.of("elementwise", params("op", "exp", "n", n, "threads", threads), 8.0 * n / ns, "GB/s");
    }

    /** Softmax over each row; counted as 8 bytes per element (the input read once, the output written once). */
    BenchResult softmax(int rows, int cols) {
        Tensor x = Nabla.randn(rows, cols);
        double ns = Measure.medianNanos(() -> x.softmax(1), budget);
        return BenchResult.of("softmax", params("rows", rows, "cols", cols, "threads", threads), 8.0 * rows * cols / ns, "GB/s");
    }

    /** conv2d forward, stride 1, square kernel. */
    BenchResult conv2d(int batch, int channels, int size, int filters, int kernel, int padding) {
        var p = params("batch", batch, "in", channels, "out", filters, "h", size, "w", size, "k", kernel, "padding", padding, "threads", threads);
        Tensor x = Nabla.randn(batch, channels, size, size);
        Tensor w = Nabla.randn(filters, channels, kernel, kernel), b = Nabla.randn(filters);
        int[] stride = {1, 1}, pad = {padding, padding}, dilation = {1, 1};
        double ns = Measure.medianNanos(() -> Functional.conv2d(x, w, b, stride, pad, dilation, 1), budget);
        return BenchResult.of("conv2d", p, ns / 1e6, "ms");
    }
}
