package dev.nabla.nn.keras;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.data.BatchIterator;
import dev.nabla.data.DataLoader;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Where fit and evaluate get batches: each a {@code Tensor[]} of the inputs followed by the target. */
interface Batches {
    /** Batches per pass, or -1 when unknown (a stream). */
    int count();

    Pass open();

    /** One pass; closing it stops a loader's worker threads when a loop ends early. */
    interface Pass extends Iterator<Tensor[]>, AutoCloseable {
        @Override
        void close();
    }

    /**
     * Slices of tensors that share dimension 0. A shuffled pass gathers rows by one random permutation
     * per pass (two ops per batch rather than a copy per sample, as a DataLoader over rows would do).
     */
    static Batches of(Tensor[] columns, int batchSize, boolean shuffle, Generator generator) {
        int n = columns[0].size(0);
        int count = (n + batchSize - 1) / batchSize;
        return new Batches() {
            @Override public int count() { return count; }

            @Override
            public Pass open() {
                Tensor order = shuffle ? Nabla.randperm(generator, n) : null;
                return new Pass() {
                    int next;

                    @Override public boolean hasNext() { return next < count; }

                    @Override
                    public Tensor[] next() {
                        if (!hasNext()) throw new NoSuchElementException("no more batches");
                        int start = next++ * batchSize, length = Math.min(batchSize, n - start);
                        Tensor[] batch = new Tensor[columns.length];
                        Tensor rows = order == null ? null : order.narrow(0, start, length);
                        for (int c = 0; c < columns.length; c++)
                            batch[c] = rows == null ? columns[c].narrow(0, start, length) : columns[c].indexSelect(0, rows);
                        return batch;
                    }

                    @Override public void close() {}
                };
            }
        };
    }

    static Batches of(DataLoader<Tensor[]> loader) {
        int count;
        try {
            count = loader.batchCount();
        } catch (UnsupportedOperationException streamOfUnknownLength) {
            count = -1;
        }
        int known = count;
        return new Batches() {
            @Override public int count() { return known; }

            @Override
            public Pass open() {
                BatchIterator<Tensor[]> it = loader.iterator();
                return new Pass() {
                    @Override public boolean hasNext() { return it.hasNext(); }
                    @Override public Tensor[] next() { return it.next(); }
                    @Override public void close() { it.close(); }
                };
            }
        };
    }
}
