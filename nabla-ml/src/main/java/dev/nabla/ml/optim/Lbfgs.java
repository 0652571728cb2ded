package dev.nabla.ml.optim;

/**
 * Limited-memory BFGS with a strong-Wolfe line search (Nocedal & Wright, algorithms 7.4, 3.5, 3.6).
 * Stops like scipy's L-BFGS-B, which scikit-learn uses: when the largest gradient component is at most
 * {@code gtol}, or the relative decrease of the objective is at most {@code ftol}.
 */
public final class Lbfgs {
    /** f(x); writes the gradient at x into {@code gradient}. */
    @FunctionalInterface
    public interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    /** @param memory correction pairs kept; @param maxLineSearch evaluations per line search */
    public record Options(int memory, int maxIter, double gtol, double ftol, int maxLineSearch) {
        public Options {
            if (memory < 1 || maxIter < 1 || maxLineSearch < 1 || !(gtol >= 0) || !(ftol >= 0))
                throw new IllegalArgumentException("Lbfgs: need memory, maxIter, maxLineSearch >= 1 and gtol, ftol >= 0, got " + this);
        }

        /** scipy's defaults (factr 1e7 → ftol ≈ 2.2e-9). */
        public Options() {
            this(10, 15000, 1e-5, 1e7 * Math.ulp(1.0), 20);
        }

        public Options maxIter(int v) {
            return new Options(memory, v, gtol, ftol, maxLineSearch);
        }

        public Options gtol(double v) {
            return new Options(memory, maxIter, v, ftol, maxLineSearch);
        }
    }

    public record Result(double[] x, double value, int iterations, boolean converged, String message) {}

    private static final double C1 = 1e-4, C2 = 0.9;

    private final Objective f;
    private final Options options;
    private final int n;
    private final double[] trialX, trialG;
    private double[] x, g, direction;
    private double fx;

    private Lbfgs(Objective f, double[] x0, Options options) {
        this.f = f;
        this.options = options;
        this.n = x0.length;
        this.x = x0.clone();
        this.g = new double[n];
        this.trialX = new double[n];
        this.trialG = new double[n];
        this.direction = new double[n];
    }

    public static Result minimize(Objective f, double[] x0, Options options) {
        return new Lbfgs(f, x0, options).run();
    }

    private Result run() {
        fx = f.evaluate(x, g);
        if (!Double.isFinite(fx)) throw new IllegalArgumentException("Lbfgs: objective is " + fx + " at the starting point");
        int m = options.memory();
        double[][] s = new double[m][], y = new double[m][];
        double[] rho = new double[m];
        int stored = 0, newest = -1;
        for (int iter = 1; iter <= options.maxIter(); iter++) {
            if (maxAbs(g) <= options.gtol()) return result(iter - 1, true, "gradient below gtol");
            twoLoop(s, y, rho, stored, newest);
            double step = stored == 0 ? Math.min(1, 1 / norm(g)) : 1;
            double fPrev = fx;
            if (!lineSearch(step)) {
                if (stored == 0) return result(iter - 1, false, "line search failed");
                stored = 0; // stale curvature: restart from steepest descent
                iter--;
                continue;
            }
            double[] sNew = new double[n], yNew = new double[n];
            for (int i = 0; i < n; i++) {
                sNew[i] = trialX[i] - x[i];
                yNew[i] = trialG[i] - g[i];
            }
            double sy = dot(sNew, yNew);
            System.arraycopy(trialX, 0, x, 0, n);
            System.arraycopy(trialG, 0, g, 0, n);
            if (sy > 1e-10 * dot(yNew, yNew)) {
                newest = (newest + 1) % m;
                s[newest] = sNew;
                y[newest] = yNew;
                rho[newest] = 1 / sy;
                stored = Math.min(stored + 1, m);
            }
            if ((fPrev - fx) / Math.max(Math.max(Math.abs(fPrev), Math.abs(fx)), 1) <= options.ftol())
                return result(iter, true, "relative reduction of f below ftol");
        }
        return result(options.maxIter(), maxAbs(g) <= options.gtol(), "reached maxIter");
    }

    /** direction = -H g, H the L-BFGS inverse-Hessian approximation. */
    private void twoLoop(double[][] s, double[][] y, double[] rho, int stored, int newest) {
        int m = s.length;
        double[] q = direction;
        for (int i = 0; i < n; i++) q[i] = -g[i];
        double[] alpha = new double[m];
        for (int k = 0, j = newest; k < stored; k++, j = (j - 1 + m) % m) {
            alpha[j] = rho[j] * dot(s[j], q);
            axpy(-alpha[j], y[j], q);
        }
        if (stored > 0) {
            double gamma = 1 / (rho[newest] * dot(y[newest], y[newest]));
            for (int i = 0; i < n; i++) q[i] *= gamma;
        }
        for (int k = 0, j = (newest - stored + 1 + m) % m; k < stored; k++, j = (j + 1) % m) {
            double beta = rho[j] * dot(y[j], q);
            axpy(alpha[j] - beta, s[j], q);
        }
        if (dot(q, g) >= 0) for (int i = 0; i < n; i++) q[i] = -g[i]; // not a descent direction: fall back
    }

    /** Finds a step meeting the strong Wolfe conditions; on success trialX/trialG/fx hold the new point. */
    private boolean lineSearch(double step) {
        double d0 = dot(g, direction), f0 = fx;
        double prevStep = 0, prevF = f0, prevD = d0;
        for (int i = 0; i < options.maxLineSearch(); i++) {
            double fa = evaluateAt(step), da = dot(trialG, direction);
            if (fa > f0 + C1 * step * d0 || (i > 0 && fa >= prevF)) return zoom(prevStep, prevF, prevD, step, fa, da, f0, d0);
            if (Math.abs(da) <= -C2 * d0) return accept(fa);
            if (da >= 0) return zoom(step, fa, da, prevStep, prevF, prevD, f0, d0);
            prevStep = step;
            prevF = fa;
            prevD = da;
            step *= 2;
        }
        return false;
    }

    private boolean zoom(double lo, double fLo, double dLo, double hi, double fHi, double dHi, double f0, double d0) {
        for (int i = 0; i < options.maxLineSearch(); i++) {
            double step = cubicMinimizer(lo, fLo, dLo, hi, fHi, dHi);
            double fa = evaluateAt(step), da = dot(trialG, direction);
            if (fa > f0 + C1 * step * d0 || fa >= fLo) {
                hi = step;
                fHi = fa;
                dHi = da;
            } else {
                if (Math.abs(da) <= -C2 * d0) return accept(fa);
                if (da * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    dHi = dLo;
                }
                lo = step;
                fLo = fa;
                dLo = da;
            }
        }
        // no Wolfe point, but a sufficient decrease at lo is still progress
        if (lo > 0 && fLo < f0) {
            evaluateAt(lo);
            return accept(fLo);
        }
        return false;
    }

    /** The minimiser of the cubic through both ends, kept inside the interval's middle 80%; bisection otherwise. */
    private static double cubicMinimizer(double a, double fa, double da, double b, double fb, double db) {
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double d2 = Math.signum(b - a) * Math.sqrt(d1 * d1 - da * db);
        double t = b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
        double lo = Math.min(a, b), hi = Math.max(a, b), margin = 0.1 * (hi - lo);
        return Double.isFinite(t) && t > lo + margin && t < hi - margin ? t : (a + b) / 2;
    }

    private double evaluateAt(double step) {
        for (int i = 0; i < n; i++) trialX[i] = x[i] + step * direction[i];
        return f.evaluate(trialX, trialG);
    }

    private boolean accept(double fa) {
        fx = fa;
        return true;
    }

    private Result result(int iterations, boolean converged, String message) {
        return new Result(x.clone(), fx, iterations, converged, message);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) y[i] += a * x[i];
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }
}
