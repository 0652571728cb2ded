package dev.nabla.data;

import java.lang.ref.Cleaner;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * One pass over a {@link DataLoader}. Batch k is loaded whole by one worker; up to {@code prefetch}
 * batches are in flight at once and they are handed out strictly in batch order, so the sequence is
 * the same for any worker count. Close it (try-with-resources) to stop the workers early; a loop that
 * runs to the end, or fails, closes it by itself.
 */
public final class BatchIterator<B> implements java.util.Iterator<B>, AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    /** Loads batch k: the batch, or empty when the data ran out before it (iterable datasets). */
    private final IntFunction<Callable<Optional<B>>> loadBatch;
    private final int batchCount;
    private final int prefetch;
    private final ExecutorService workers;
    private final Cleaner.Cleanable stopWorkers;
    private final ArrayDeque<Future<Optional<B>>> inFlight = new ArrayDeque<>();
    private int submitted;
    private int delivered;
    private B next;
    private boolean finished;

    BatchIterator(IntFunction<Callable<Optional<B>>> loadBatch, int batchCount, int workerCount, int prefetch) {
        this.loadBatch = loadBatch;
        this.batchCount = batchCount;
        this.prefetch = prefetch;
        if (workerCount == 0) {
            workers = null;
            stopWorkers = null;
        } else {
            workers = Executors.newFixedThreadPool(workerCount, r -> {
                Thread t = new Thread(r, "nabla-data-worker-" + THREAD_IDS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            // A for-each loop that breaks early never calls close(): stop the threads once this iterator is garbage.
            ExecutorService pool = workers;
            stopWorkers = CLEANER.register(this, pool::shutdownNow);
        }
    }

    @Override
    public boolean hasNext() {
        if (next != null) return true;
        if (finished) return false;
        if (delivered >= batchCount) {
            close();
            return false;
        }
        Optional<B> batch = workers == null ? loadInline(delivered) : awaitNext();
        if (batch.isEmpty()) {
            close();
            return false;
        }
        next = batch.get();
        delivered++;
        return true;
    }

    @Override
    public B next() {
        if (!hasNext()) throw new NoSuchElementException("DataLoader: no more batches (" + delivered + " delivered)");
        B b = next;
        next = null;
        return b;
    }

    private Optional<B> loadInline(int k) {
        try {
            return loadBatch.apply(k).call();
        } catch (Exception | Error e) {
            close();
            throw onCallerThread(k, e);
        }
    }

    private Optional<B> awaitNext() {
        while (submitted < batchCount && inFlight.size() < prefetch) inFlight.add(workers.submit(loadBatch.apply(submitted++)));
        Future<Optional<B>> head = inFlight.poll();
        try {
            return head.get();
        } catch (ExecutionException e) {
            close();
            throw onCallerThread(delivered, e.getCause());
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new DataLoaderException(delivered, "DataLoader: interrupted while waiting for batch " + delivered, e);
        }
    }

    /** A fresh exception, so its stack trace shows the training loop; the worker's trace stays in the cause. */
    private static DataLoaderException onCallerThread(int k, Throwable failure) {
        if (failure instanceof DataLoaderException d) return new DataLoaderException(d.batchIndex(), d.getMessage(), d.getCause());
        return new DataLoaderException(k, "DataLoader: batch " + k + " failed: " + failure, failure);
    }

    /** Stops the workers and drops batches not yet handed out. Idempotent. */
    @Override
    public void close() {
        finished = true;
        next = null;
        for (Future<?> f : inFlight) f.cancel(true);
        inFlight.clear();
        if (stopWorkers != null) stopWorkers.clean();
    }

    /** Whether the worker threads have all ended (tests check that close really stops them). */
    boolean workersTerminated(long timeoutMillis) throws InterruptedException {
        return workers == null || workers.awaitTermination(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
