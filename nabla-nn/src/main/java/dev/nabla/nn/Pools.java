package dev.nabla.nn;

/** The printed form of pooling sizes: PyTorch shows "2" for a square size and "(2, 3)" otherwise. */
final class Pools {
    private Pools() {}

    static String repr(int[] pair) {
        return pair[0] == pair[1] ? Integer.toString(pair[0]) : Module.py(pair);
    }
}
