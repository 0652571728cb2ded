package dev.nabla.bench;

import dev.nabla.Functional;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;

/**
 * Gets the benchmarked kernels compiled by C2 before anything is timed. HotSpot compiles a method
 * normally only after some hundreds of invocations; a kernel called a handful of times on 16M
 * elements (all a time-based warm-up affords) only gets an on-stack-replacement compile of its
 * loop, and for the Vector API loops that code can be tens of times slower (we measured exp at
 * 0.45 GB/s before, 25 GB/s after). Many calls on small inputs reach the real compile cheaply.
 */
final class JitWarmup {
    private static final int CALLS = 2_000;

    private JitWarmup() {}

    static void run() {
        int previous = Parallel.threads();
        try {
            // Both the single-threaded path and the split one (inputs above Elementwise's grain).
            for (int t : new int[] {1, Parallel.maxThreads()}) {
                Parallel.setThreads(t);
                Tensor a = Nabla.rand(4096), b = Nabla.rand(4096), m = Nabla.randn(32, 32), s = Nabla.randn(16, 256);
                for (int i = 0; i < CALLS; i++) {
                    a.add(b);
                    a.exp();
                    s.softmax(1);
                    m.matmul(m);
                }
                Tensor big = Nabla.rand(1 << 17);
                for (int i = 0; i < CALLS / 10; i++) {
                    big.add(big);
                    big.exp();
                }
            }
            warmConv();
        } finally {
            Parallel.setThreads(previous);
        }
    }

    private static void warmConv() {
        Tensor x = Nabla.randn(1, 3, 8, 8), w = Nabla.randn(4, 3, 3, 3), b = Nabla.randn(4);
        int[] one = {1, 1};
        for (int i = 0; i < CALLS / 4; i++) Functional.conv2d(x, w, b, one, one, one, 1);
    }
}
