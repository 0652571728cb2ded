package dev.nabla.ml.ensemble;

import dev.nabla.cpu.Parallel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * The pool's threads held for the length of one boosting fit. Growing a tree takes a hundred or so
 * parallel steps (one per histogram pass, partition, gradient update), each only tens of microseconds
 * long; handing each to the pool through {@link Parallel#forRange} costs about as much as the step.
 * Here one {@code forRange} piece runs the fit and publishes steps, and the other pieces wait for them
 * spinning, as OpenMP's threads do in scikit-learn, so a hand-off costs about a microsecond.
 *
 * <p>Items of a step are claimed from a shared counter, so which thread runs an item varies; callers
 * make every item's result independent of that (disjoint outputs, a fixed order inside each item),
 * so results are the same at any thread count.
 */
final class Team {
    /** Spins before a waiting thread starts yielding its core to other work. */
    private static final int SPINS_BEFORE_YIELD = 1 << 14;

    private final int size;
    private volatile Step step;
    private volatile boolean finished;

    private Team(int size) {
        this.size = size;
    }

    /** Threads that may work on a step (1: the caller alone). */
    int size() {
        return size;
    }

    /** Runs body with a team of Parallel.threads() threads; nested in a parallel region the team is the caller alone. */
    static <T> T run(Function<Team, T> body) {
        int threads = Parallel.threads();
        if (threads <= 1 || Parallel.inParallelRegion()) return body.apply(new Team(1));
        Team team = new Team(threads);
        Object[] result = new Object[1];
        Parallel.forRange(threads, 1, (start, end) -> {
            if (start != 0) team.serve();
            else {
                try {
                    result[0] = body.apply(team);
                } finally {
                    team.finished = true;
                }
            }
        });
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    /** Runs work(0 .. items-1) on the team and returns when all are done; an item's exception is rethrown here. */
    void forEach(int items, IntConsumer work) {
        if (size == 1 || items <= 1) {
            for (int i = 0; i < items; i++) work.accept(i);
            return;
        }
        Step s = new Step(items, work);
        step = s;
        s.work();
        for (int spins = 0; s.done.get() < items; spins++) idle(spins);
        if (s.error != null) {
            if (s.error instanceof RuntimeException e) throw e;
            if (s.error instanceof Error e) throw e;
            throw new IllegalStateException(s.error);
        }
    }

    /** Runs body over [0, n) in pieces of at least grain, one piece per team thread at most. */
    void forRange(int n, int grain, Parallel.RangeBody body) {
        int pieces = Math.min(size, Math.max(1, n / Math.max(1, grain)));
        forEach(pieces, p -> body.run((int) ((long) n * p / pieces), (int) ((long) n * (p + 1) / pieces)));
    }

    private void serve() {
        Step last = null;
        for (int spins = 0; !finished; spins++) {
            Step s = step;
            if (s != last) {
                last = s;
                s.work();
                spins = 0;
            } else idle(spins);
        }
    }

    private static void idle(int spins) {
        if (spins < SPINS_BEFORE_YIELD) Thread.onSpinWait();
        else Thread.yield();
    }

    private static final class Step {
        final int items;
        final IntConsumer body;
        final AtomicInteger next = new AtomicInteger(), done = new AtomicInteger();
        volatile Throwable error;

        Step(int items, IntConsumer body) {
            this.items = items;
            this.body = body;
        }

        void work() {
            for (int i; (i = next.getAndIncrement()) < items; ) {
                try {
                    body.accept(i);
                } catch (Throwable t) {
                    error = t;
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }
}
