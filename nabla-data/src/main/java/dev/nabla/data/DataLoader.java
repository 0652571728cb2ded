package dev.nabla.data;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Batches of a dataset, optionally shuffled and loaded by worker threads ahead of the training loop
 * (PyTorch's {@code DataLoader}).
 *
 * <pre>{@code
 * var loader = DataLoader.builder(new TensorDataset(x, y))
 *         .batchSize(64).shuffle(true).generator(new Generator(42)).numWorkers(4).build();
 * for (int epoch = 0; epoch < 10; epoch++)
 *     try (var batches = loader.iterator()) {
 *         while (batches.hasNext()) { Tensor[] xy = batches.next(); ... }
 *     }
 * }</pre>
 *
 * <p>Determinism: each pass draws its permutation and one seed from the generator on the calling
 * thread, then batch k is always the same samples in the same order, whatever {@code numWorkers}.
 * Random transforms that draw from {@link #batchGenerator()} repeat too: each batch gets a generator
 * seeded from the pass seed and k.
 */
public final class DataLoader<B> implements Iterable<B> {
    private static final ThreadLocal<Generator> BATCH_GENERATOR = new ThreadLocal<>();

    private final Builder<?, B> options;

    private DataLoader(Builder<?, B> options) {
        this.options = options;
    }

    public static <T> Builder<T, T> builder(Dataset<T> dataset) {
        return new Builder<>(dataset, null);
    }

    public static <T> Builder<T, T> builder(IterableDataset<T> dataset) {
        return new Builder<>(null, dataset);
    }

    /**
     * The generator random transforms should draw from: inside a loader, one seeded for the batch
     * being loaded (so augmentation does not depend on which worker ran it); elsewhere, the global one.
     */
    public static Generator batchGenerator() {
        Generator g = BATCH_GENERATOR.get();
        return g != null ? g : Nabla.defaultGenerator();
    }

    /** Batches per pass (map-style datasets only: a stream's length is unknown). */
    public int batchCount() {
        if (options.dataset == null) throw new UnsupportedOperationException("DataLoader: an IterableDataset has no known batch count");
        int n = options.dataset.size();
        return options.dropLast ? n / options.batchSize : (n + options.batchSize - 1) / options.batchSize;
    }

    /** Starts a pass: draws the shuffle and the pass seed now, and starts the workers. */
    @Override
    public BatchIterator<B> iterator() {
        Generator g = options.generator != null ? options.generator : Nabla.defaultGenerator();
        return options.dataset != null ? mapStylePass(options, g) : streamPass(options, g);
    }

    private static <T, B> BatchIterator<B> mapStylePass(Builder<T, B> o, Generator g) {
        int n = o.dataset.size();
        int[] order = new int[n];
        if (o.shuffle) {
            long[] perm = Nabla.randperm(g, n).toLongArray();
            for (int i = 0; i < n; i++) order[i] = (int) perm[i];
        } else {
            for (int i = 0; i < n; i++) order[i] = i;
        }
        long passSeed = g.nextLong();
        int batchCount = o.dropLast ? n / o.batchSize : (n + o.batchSize - 1) / o.batchSize;
        IntFunction<Callable<Optional<B>>> load = k -> () -> inBatchScope(k, passSeed, () -> {
            int start = k * o.batchSize;
            int end = Math.min(n, start + o.batchSize);
            List<T> samples = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) samples.add(o.dataset.get(order[i]));
            return samples;
        }, o.collate);
        return new BatchIterator<>(load, batchCount, o.numWorkers, o.prefetch());
    }

    /** A stream is read front to back, so at most one worker reads it; batches still come ahead of use. */
    private static <T, B> BatchIterator<B> streamPass(Builder<T, B> o, Generator g) {
        long passSeed = g.nextLong();
        Iterator<T> source = o.stream.iterator();
        IntFunction<Callable<Optional<B>>> load = k -> () -> inBatchScope(k, passSeed, () -> {
            List<T> samples = new ArrayList<>(o.batchSize);
            while (samples.size() < o.batchSize && source.hasNext()) samples.add(source.next());
            return samples.isEmpty() || (o.dropLast && samples.size() < o.batchSize) ? null : samples;
        }, o.collate);
        return new BatchIterator<>(load, Integer.MAX_VALUE, Math.min(o.numWorkers, 1), o.prefetch());
    }

    private interface SampleReader<T> {
        List<T> read();
    }

    /** Reads and collates batch k with its own generator installed, naming batch and thread on failure. */
    private static <T, B> Optional<B> inBatchScope(int k, long passSeed, SampleReader<T> reader, Function<? super List<T>, ? extends B> collate) {
        BATCH_GENERATOR.set(new Generator(passSeed ^ (0x9E3779B97F4A7C15L * (k + 1L))));
        try {
            List<T> samples = reader.read();
            if (samples == null) return Optional.empty();
            B batch = collate.apply(samples);
            if (batch == null) throw new NullPointerException("collate returned null");
            return Optional.of(batch);
        } catch (RuntimeException | Error e) {
            throw new DataLoaderException(k, "DataLoader: batch " + k + " failed in thread " + Thread.currentThread().getName() + ": " + e, e);
        } finally {
            BATCH_GENERATOR.remove();
        }
    }

    /** DataLoader settings; {@link #build()} checks them. T is the sample type, B the batch type. */
    public static final class Builder<T, B> {
        private final Dataset<T> dataset;
        private final IterableDataset<T> stream;
        private int batchSize = 1;
        private boolean shuffle;
        private Generator generator;
        private boolean dropLast;
        private int numWorkers;
        private int prefetch = -1;
        private Function<? super List<T>, ? extends B> collate;

        @SuppressWarnings("unchecked")
        private Builder(Dataset<T> dataset, IterableDataset<T> stream) {
            this.dataset = dataset;
            this.stream = stream;
            this.collate = samples -> (B) Collate.stack(samples);
        }

        public Builder<T, B> batchSize(int batchSize) {
            if (batchSize <= 0) throw new IllegalArgumentException("DataLoader: batchSize must be positive, got " + batchSize);
            this.batchSize = batchSize;
            return this;
        }

        /** A new permutation every pass (map-style datasets only). */
        public Builder<T, B> shuffle(boolean shuffle) {
            if (shuffle && stream != null) throw new IllegalArgumentException("DataLoader: cannot shuffle an IterableDataset (it has no random access)");
            this.shuffle = shuffle;
            return this;
        }

        /** The source of shuffles and per-batch seeds; without one the global generator is used. */
        public Builder<T, B> generator(Generator generator) {
            this.generator = generator;
            return this;
        }

        /** Drops a last batch smaller than batchSize. */
        public Builder<T, B> dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /** Background loading threads; 0 loads on the iterating thread. */
        public Builder<T, B> numWorkers(int numWorkers) {
            if (numWorkers < 0) throw new IllegalArgumentException("DataLoader: numWorkers must be >= 0, got " + numWorkers);
            this.numWorkers = numWorkers;
            return this;
        }

        /** Batches loaded ahead of the training loop (default 2 per worker); bounds the memory held. */
        public Builder<T, B> prefetch(int prefetch) {
            if (prefetch <= 0) throw new IllegalArgumentException("DataLoader: prefetch must be positive, got " + prefetch);
            this.prefetch = prefetch;
            return this;
        }

        /** Replaces the default collate ({@link Collate#stack}); the batch type follows it. */
        public <R> Builder<T, R> collate(Function<? super List<T>, ? extends R> collate) {
            Builder<T, R> b = new Builder<>(dataset, stream);
            b.batchSize = batchSize;
            b.shuffle = shuffle;
            b.generator = generator;
            b.dropLast = dropLast;
            b.numWorkers = numWorkers;
            b.prefetch = prefetch;
            b.collate = collate;
            return b;
        }

        private int prefetch() {
            // never fewer batches in flight than workers, or some workers would idle
            return Math.max(prefetch > 0 ? prefetch : 2 * numWorkers, Math.max(numWorkers, 1));
        }

        public DataLoader<B> build() {
            // a private copy, so later calls on this builder do not change the loader
            return new DataLoader<>(collate(collate));
        }
    }
}
