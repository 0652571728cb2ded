package dev.nabla;

/**
 * Whether ops record themselves on the autograd tape, per thread. {@link Nabla#noGrad()} and
 * {@link Nabla#enableGrad()} return scopes for try-with-resources that restore the previous mode.
 */
public final class GradMode {
    private static final class Flag {
        boolean enabled = true;
    }

    private static final ThreadLocal<Flag> FLAG = ThreadLocal.withInitial(Flag::new);

    private GradMode() {}

    public static boolean isEnabled() {
        return FLAG.get().enabled;
    }

    /** A scope that sets the mode and restores the previous one on close. */
    public static final class Scope implements AutoCloseable {
        private final Flag flag;
        private final boolean previous;

        Scope(boolean enabled) {
            this.flag = FLAG.get();
            this.previous = flag.enabled;
            flag.enabled = enabled;
        }

        @Override
        public void close() {
            flag.enabled = previous;
        }
    }

    static Scope set(boolean enabled) {
        return new Scope(enabled);
    }
}
