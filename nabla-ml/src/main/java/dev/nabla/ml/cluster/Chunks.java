package dev.nabla.ml.cluster;

import dev.nabla.cpu.Parallel;
import java.util.function.IntConsumer;

/**
 * Fixed row chunks for the parallel k-means passes. Each chunk sums its rows in row order and the chunk
 * results are added in chunk order, so sums, centers and inertia come out the same at any thread count.
 * A chunk is at least {@link #MIN_ROWS} rows (a pass over fewer rows stays on the calling thread) and
 * there are at most {@link #MAX_COUNT} of them, which bounds the per-chunk partial sums.
 */
record Chunks(int rows, int size, int count) {
    static final int MIN_ROWS = 4096, MAX_COUNT = 256;

    static Chunks of(int rows) {
        int size = Math.max(MIN_ROWS, (rows + MAX_COUNT - 1) / MAX_COUNT);
        return new Chunks(rows, size, Math.max(1, (rows + size - 1) / size));
    }

    int start(int chunk) {
        return chunk * size;
    }

    int end(int chunk) {
        return Math.min(rows, (chunk + 1) * size);
    }

    /** Runs body on every chunk index, the chunks spread over {@link Parallel}'s threads. */
    void forEach(IntConsumer body) {
        Parallel.forRange(count, 1, (s, e) -> {
            for (int c = s; c < e; c++) body.accept(c);
        });
    }

    /** Σ values, added in order. */
    static double total(double[] values) {
        double s = 0;
        for (double v : values) s += v;
        return s;
    }
}
