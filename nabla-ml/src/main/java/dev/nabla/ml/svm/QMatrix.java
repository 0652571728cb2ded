package dev.nabla.ml.svm;

/** The quadratic term Q of an SMO problem, one row at a time (Q_tu = y_t y_u K(x_t, x_u) for SVC). */
interface QMatrix {
    int size();

    /** Fills {@code out} (length size()) with row t and returns it. */
    double[] row(int t, double[] out);

    double diagonal(int t);

    /** A binary SVC sub-problem: the training rows {@code index}, labelled y = ±1. */
    static QMatrix classification(KernelRows k, int[] index, byte[] y) {
        return new QMatrix() {
            public int size() {
                return index.length;
            }

            public double[] row(int t, double[] out) {
                double[] r = k.row(index[t]);
                for (int u = 0; u < index.length; u++) out[u] = y[t] * y[u] * r[index[u]];
                return out;
            }

            public double diagonal(int t) {
                return k.diagonal(index[t]);
            }
        };
    }

    /** epsilon-SVR's doubled problem: variable t < n is alpha⁺_t (sign +1), t >= n is alpha⁻_{t-n} (sign -1). */
    static QMatrix regression(KernelRows k) {
        int n = k.size();
        return new QMatrix() {
            public int size() {
                return 2 * n;
            }

            public double[] row(int t, double[] out) {
                double[] r = k.row(t % n);
                double s = t < n ? 1 : -1;
                for (int u = 0; u < n; u++) {
                    out[u] = s * r[u];
                    out[u + n] = -s * r[u];
                }
                return out;
            }

            public double diagonal(int t) {
                return k.diagonal(t % n);
            }
        };
    }
}
