package dev.nabla.ml.selection;

import dev.nabla.Generator;

/** Fisher–Yates over a seeded Generator: the same seed gives the same order on every machine. */
final class Shuffle {
    private Shuffle() {}

    static int[] permutation(int n, Generator g) {
        int[] a = KFold.identity(n);
        shuffle(a, g);
        return a;
    }

    static void shuffle(int[] a, Generator g) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = g.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
