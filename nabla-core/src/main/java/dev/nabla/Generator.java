package dev.nabla;

import java.util.random.RandomGenerator;

/**
 * A seeded random source (xoshiro256**). Every random op takes one, or the global generator set by
 * {@link Nabla#manualSeed}; draws happen in a fixed order on the calling thread, so results do not
 * depend on the thread count. The state can be read and restored for bit-identical resumption.
 */
public final class Generator implements RandomGenerator {
    private long s0, s1, s2, s3;

    public Generator(long seed) {
        manualSeed(seed);
    }

    /** Re-seeds (splitmix64 expansion of the seed, as the xoshiro authors recommend). */
    public synchronized Generator manualSeed(long seed) {
        long x = seed;
        s0 = splitmix(x += 0x9E3779B97F4A7C15L);
        s1 = splitmix(x += 0x9E3779B97F4A7C15L);
        s2 = splitmix(x += 0x9E3779B97F4A7C15L);
        s3 = splitmix(x + 0x9E3779B97F4A7C15L);
        return this;
    }

    private static long splitmix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public synchronized long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** The full state, for checkpoints. */
    public synchronized long[] getState() {
        return new long[] {s0, s1, s2, s3};
    }

    public synchronized void setState(long[] state) {
        if (state.length != 4) throw new IllegalArgumentException("Generator.setState: expected 4 longs, got " + state.length);
        s0 = state[0];
        s1 = state[1];
        s2 = state[2];
        s3 = state[3];
    }
}
