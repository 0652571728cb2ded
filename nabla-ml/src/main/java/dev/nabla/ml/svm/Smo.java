package dev.nabla.ml.svm;

/**
 * libsvm's SMO solver (Fan, Chen and Lin 2005) for min ½ αᵀQα + pᵀα subject to yᵀα = 0, 0 <= α_t <= C_t:
 * second-order working-set selection (WSS2), optional shrinking with gradient reconstruction, and the
 * same stopping rule (maximal violating pair gap < eps). Shrunk variables are kept in an ordered
 * active list instead of being swapped to the end, which only changes the order ties are scanned in.
 */
final class Smo {
    private static final double TAU = 1e-12;
    private static final byte LOWER = 0, UPPER = 1, FREE = 2;

    record Result(double[] alpha, double rho, int iterations) {}

    private final QMatrix q;
    private final double[] p, c, alpha, g, gBar, qd;
    private final byte[] y, status;
    private final double eps;
    private final boolean shrinking;
    private final int l;
    private int[] active;
    private int activeSize;
    private final boolean[] isActive;
    private boolean unshrink;
    private final double[] bufI, bufJ;

    private Smo(QMatrix q, double[] p, byte[] y, double[] c, double eps, boolean shrinking) {
        this.q = q;
        this.p = p;
        this.y = y;
        this.c = c;
        this.eps = eps;
        this.shrinking = shrinking;
        this.l = q.size();
        alpha = new double[l];
        g = p.clone();
        gBar = new double[l];
        qd = new double[l];
        status = new byte[l];
        active = new int[l];
        isActive = new boolean[l];
        bufI = new double[l];
        bufJ = new double[l];
        for (int t = 0; t < l; t++) {
            qd[t] = q.diagonal(t);
            active[t] = t;
            isActive[t] = true;
            updateStatus(t);
        }
        activeSize = l;
    }

    /** Solves from α = 0; maxIter < 0 means libsvm's own cap of max(10⁷, 100·l). */
    static Result solve(QMatrix q, double[] p, byte[] y, double[] c, double eps, boolean shrinking, int maxIter) {
        return new Smo(q, p, y, c, eps, shrinking).run(maxIter < 0 ? (int) Math.max(10_000_000L, Math.min(Integer.MAX_VALUE, 100L * q.size())) : maxIter);
    }

    private Result run(int maxIter) {
        int iter = 0, counter = Math.min(l, 1000);
        int[] ij = new int[2];
        while (iter < maxIter) {
            if (--counter == 0) {
                counter = Math.min(l, 1000);
                if (shrinking) shrink();
            }
            if (!selectWorkingSet(ij)) {
                reconstructGradient();
                resetActive();
                if (!selectWorkingSet(ij)) break;
                counter = 1; // shrink again at the next iteration
            }
            iter++;
            update(ij[0], ij[1]);
        }
        if (activeSize < l) {
            reconstructGradient();
            resetActive();
        }
        return new Result(alpha, rho(), iter);
    }

    private void update(int i, int j) {
        double[] qi = q.row(i, bufI), qj = q.row(j, bufJ);
        double ci = c[i], cj = c[j], oldI = alpha[i], oldJ = alpha[j];
        if (y[i] != y[j]) {
            double quad = positive(qd[i] + qd[j] + 2 * qi[j]);
            double delta = (-g[i] - g[j]) / quad, diff = alpha[i] - alpha[j];
            alpha[i] += delta;
            alpha[j] += delta;
            if (diff > 0) {
                if (alpha[j] < 0) { alpha[j] = 0; alpha[i] = diff; }
            } else if (alpha[i] < 0) { alpha[i] = 0; alpha[j] = -diff; }
            if (diff > ci - cj) {
                if (alpha[i] > ci) { alpha[i] = ci; alpha[j] = ci - diff; }
            } else if (alpha[j] > cj) { alpha[j] = cj; alpha[i] = cj + diff; }
        } else {
            double quad = positive(qd[i] + qd[j] - 2 * qi[j]);
            double delta = (g[i] - g[j]) / quad, sum = alpha[i] + alpha[j];
            alpha[i] -= delta;
            alpha[j] += delta;
            if (sum > ci) {
                if (alpha[i] > ci) { alpha[i] = ci; alpha[j] = sum - ci; }
            } else if (alpha[j] < 0) { alpha[j] = 0; alpha[i] = sum; }
            if (sum > cj) {
                if (alpha[j] > cj) { alpha[j] = cj; alpha[i] = sum - cj; }
            } else if (alpha[i] < 0) { alpha[i] = 0; alpha[j] = sum; }
        }
        double dI = alpha[i] - oldI, dJ = alpha[j] - oldJ;
        for (int a = 0; a < activeSize; a++) {
            int k = active[a];
            g[k] += qi[k] * dI + qj[k] * dJ;
        }
        // G_bar accumulates C_t·Q_t over upper-bounded t, so shrunk gradients can be rebuilt later
        boolean wasUpperI = status[i] == UPPER, wasUpperJ = status[j] == UPPER;
        updateStatus(i);
        updateStatus(j);
        if (wasUpperI != (status[i] == UPPER)) addToGBar(qi, wasUpperI ? -ci : ci);
        if (wasUpperJ != (status[j] == UPPER)) addToGBar(qj, wasUpperJ ? -cj : cj);
    }

    private void addToGBar(double[] row, double scale) {
        for (int k = 0; k < l; k++) gBar[k] += scale * row[k];
    }

    private static double positive(double quad) {
        return quad > 0 ? quad : TAU;
    }

    /** WSS2: i maximises -y_i G_i over I_up; j minimises the second-order objective decrease over I_low. */
    private boolean selectWorkingSet(int[] out) {
        double gMax = Double.NEGATIVE_INFINITY, gMax2 = Double.NEGATIVE_INFINITY, objMin = Double.POSITIVE_INFINITY;
        int iBest = -1, jBest = -1;
        for (int a = 0; a < activeSize; a++) {
            int t = active[a];
            if (y[t] == 1) {
                if (status[t] != UPPER && -g[t] >= gMax) { gMax = -g[t]; iBest = t; }
            } else if (status[t] != LOWER && g[t] >= gMax) { gMax = g[t]; iBest = t; }
        }
        double[] qi = iBest == -1 ? null : q.row(iBest, bufI);
        for (int a = 0; a < activeSize; a++) {
            int t = active[a];
            double gradDiff;
            if (y[t] == 1) {
                if (status[t] == LOWER) continue;
                gradDiff = gMax + g[t];
                if (g[t] >= gMax2) gMax2 = g[t];
            } else {
                if (status[t] == UPPER) continue;
                gradDiff = gMax - g[t];
                if (-g[t] >= gMax2) gMax2 = -g[t];
            }
            if (gradDiff > 0) {
                double quad = qd[iBest] + qd[t] - 2.0 * y[iBest] * y[t] * qi[t];
                double obj = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
                if (obj <= objMin) { jBest = t; objMin = obj; }
            }
        }
        if (gMax + gMax2 < eps || jBest == -1) return false;
        out[0] = iBest;
        out[1] = jBest;
        return true;
    }

    private void updateStatus(int t) {
        status[t] = alpha[t] >= c[t] ? UPPER : alpha[t] <= 0 ? LOWER : FREE;
    }

    private boolean beShrunk(int t, double gMax1, double gMax2) {
        if (status[t] == UPPER) return y[t] == 1 ? -g[t] > gMax1 : -g[t] > gMax2;
        if (status[t] == LOWER) return y[t] == 1 ? g[t] > gMax2 : g[t] > gMax1;
        return false;
    }

    private void shrink() {
        double gMax1 = Double.NEGATIVE_INFINITY, gMax2 = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < activeSize; a++) {
            int t = active[a];
            if (y[t] == 1) {
                if (status[t] != UPPER) gMax1 = Math.max(gMax1, -g[t]);
                if (status[t] != LOWER) gMax2 = Math.max(gMax2, g[t]);
            } else {
                if (status[t] != UPPER) gMax2 = Math.max(gMax2, -g[t]);
                if (status[t] != LOWER) gMax1 = Math.max(gMax1, g[t]);
            }
        }
        // near the optimum, unshrink once so variables shrunk too early get a second look
        if (!unshrink && gMax1 + gMax2 <= eps * 10) {
            unshrink = true;
            reconstructGradient();
            resetActive();
        }
        int kept = 0;
        for (int a = 0; a < activeSize; a++) {
            int t = active[a];
            if (beShrunk(t, gMax1, gMax2)) isActive[t] = false;
            else active[kept++] = t;
        }
        activeSize = kept;
    }

    private void resetActive() {
        for (int t = 0; t < l; t++) {
            active[t] = t;
            isActive[t] = true;
        }
        activeSize = l;
    }

    /** Rebuilds G for shrunk variables: G = G_bar + p + Σ_{free t} α_t Q_t. */
    private void reconstructGradient() {
        if (activeSize == l) return;
        for (int k = 0; k < l; k++) if (!isActive[k]) g[k] = gBar[k] + p[k];
        for (int a = 0; a < activeSize; a++) {
            int t = active[a];
            if (status[t] != FREE) continue;
            double[] qt = q.row(t, bufI);
            for (int k = 0; k < l; k++) if (!isActive[k]) g[k] += alpha[t] * qt[k];
        }
    }

    /** The bias: the mean of y_t G_t over free variables, else the midpoint of the feasible interval. */
    private double rho() {
        int nFree = 0;
        double ub = Double.POSITIVE_INFINITY, lb = Double.NEGATIVE_INFINITY, sumFree = 0;
        for (int t = 0; t < l; t++) {
            double yg = y[t] * g[t];
            if (status[t] == UPPER) {
                if (y[t] == -1) ub = Math.min(ub, yg); else lb = Math.max(lb, yg);
            } else if (status[t] == LOWER) {
                if (y[t] == 1) ub = Math.min(ub, yg); else lb = Math.max(lb, yg);
            } else {
                nFree++;
                sumFree += yg;
            }
        }
        return nFree > 0 ? sumFree / nFree : (ub + lb) / 2;
    }
}
