package dev.nabla.bench;

import dev.nabla.Functional;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import java.util.Arrays;

/**
 * conv2d forward on 64x3x32x32 with 32 3x3 filters, padding 1, float32: median milliseconds at 1 and 2
 * threads. The PyTorch figure for the same call comes from scripts/bench/conv2d_torch.py.
 */
public final class ConvBench {
    private ConvBench() {}

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Tensor x = Nabla.randn(new Generator(1), 64, 3, 32, 32), w = Nabla.randn(new Generator(2), 32, 3, 3, 3), b = Nabla.randn(new Generator(3), 32);
        int[] one = {1, 1};
        for (int threads = 1; threads <= Math.min(2, Parallel.maxThreads()); threads++) {
            Parallel.setThreads(threads);
            for (int i = 0; i < 20; i++) Functional.conv2d(x, w, b, one, one, one, 1);
            double[] ms = new double[reps];
            for (int i = 0; i < reps; i++) {
                long s = System.nanoTime();
                Functional.conv2d(x, w, b, one, one, one, 1);
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("nabla threads=%d conv2d 64x3x32x32 * 32x3x3x3 pad1: median %.2f ms min %.2f ms%n", threads, ms[reps / 2], ms[0]);
        }
    }
}
