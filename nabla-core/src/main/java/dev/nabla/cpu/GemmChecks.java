package dev.nabla.cpu;

/** Argument validation for {@link Gemm}, with messages that name the routine and the values. */
final class GemmChecks {
    private GemmChecks() {}

    static void check(String op, boolean ta, boolean tb, int m, int n, int k, float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        check(op, ta, tb, m, n, k, length(op, "a", a), aOff, lda, length(op, "b", b), bOff, ldb,
                length(op, "c", c), cOff, ldc);
    }

    static void check(String op, boolean ta, boolean tb, int m, int n, int k, double[] a, int aOff, int lda,
                      double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        check(op, ta, tb, m, n, k, length(op, "a", a), aOff, lda, length(op, "b", b), bOff, ldb,
                length(op, "c", c), cOff, ldc);
    }

    private static int length(String op, String name, Object array) {
        if (array == null) throw new IllegalArgumentException(op + ": array " + name + " is null");
        return java.lang.reflect.Array.getLength(array);
    }

    private static void check(String op, boolean ta, boolean tb, int m, int n, int k, int aLen, int aOff,
                              int lda, int bLen, int bOff, int ldb, int cLen, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException(op + ": sizes must be non-negative, got m=" + m + ", n=" + n + ", k=" + k);
        }
        // Stored shapes: A is m x k (k x m when transposed), B is k x n (n x k), C is m x n.
        matrix(op, "A", "lda", ta, ta ? k : m, ta ? m : k, aLen, aOff, lda);
        matrix(op, "B", "ldb", tb, tb ? n : k, tb ? k : n, bLen, bOff, ldb);
        matrix(op, "C", "ldc", false, m, n, cLen, cOff, ldc);
    }

    private static void matrix(String op, String name, String ldName, boolean trans, int rows, int cols,
                               int length, int off, int ld) {
        String shape = name + " is stored " + rows + " x " + cols + (trans ? " (transposed)" : "");
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException(op + ": " + ldName + "=" + ld + " must be at least max(1, "
                    + cols + "); " + shape);
        }
        if (off < 0 || off > length) {
            throw new IllegalArgumentException(op + ": offset " + off + " of " + name
                    + " is outside its array of length " + length);
        }
        if (rows > 0 && cols > 0) {
            long end = off + (long) (rows - 1) * ld + cols;
            if (end > length) {
                throw new IllegalArgumentException(op + ": " + name + " needs " + end + " elements (offset " + off
                        + ", " + ldName + "=" + ld + ", " + shape + ") but its array has " + length);
            }
        }
    }
}
