package dev.nabla.ml.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Predictor;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The linear models read a float64 X in place (no copy): fitting must leave it untouched. Ridge forms its
 * normal equations from pieces of rows, so its coefficients must not depend on the thread count.
 */
class LinearInputsTest {
    private static Tensor[] data(int n, int d, long seed, boolean classes) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d], y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = 3 + r.nextGaussian() * (j + 1); // off-centre columns, so centring matters
                s += (j % 3 - 1) * x[i * d + j];
            }
            y[i] = classes ? (s + r.nextGaussian() > 0 ? 1 : 0) : s + 0.1 * r.nextGaussian();
        }
        return new Tensor[] {Nabla.tensor(x, n, d), Nabla.tensor(y, n)};
    }

    @Test
    void fittingLeavesXAndYUntouched() {
        Tensor[] reg = data(300, 7, 1, false), cls = data(300, 7, 2, true);
        List<Supplier<Predictor>> regressors = List.of(Ridge::new, LinearRegression::new, Lasso::new, ElasticNet::new,
                () -> new Ridge(new Ridge.Options().fitIntercept(false)));
        List<Supplier<Predictor>> classifiers = List.of(LogisticRegression::new,
                () -> new LogisticRegression(new LogisticRegression.Options().solver(LogisticSolver.SAGA).maxIter(20)));
        for (var make : regressors) check(make.get(), reg);
        for (var make : classifiers) check(make.get(), cls);
    }

    private static void check(Predictor p, Tensor[] xy) {
        double[] x = xy[0].toDoubleArray(), y = xy[1].toDoubleArray();
        p.fit(xy[0], xy[1]).predict(xy[0]);
        assertArrayEquals(x, xy[0].toDoubleArray(), p.getClass().getSimpleName() + " changed X");
        assertArrayEquals(y, xy[1].toDoubleArray(), p.getClass().getSimpleName() + " changed y");
    }

    @Test
    void ridgeSolvesTheCentredNormalEquationsTheSameAtAnyThreadCount() {
        int n = 20_000, d = 9; // three pieces of rows
        Tensor[] xy = data(n, d, 3, false);
        int previous = Parallel.threads();
        try {
            Parallel.setThreads(1);
            Ridge one = new Ridge(new Ridge.Options().alpha(2.0)).fit(xy[0], xy[1]);
            Parallel.setThreads(Parallel.maxThreads());
            Ridge many = new Ridge(new Ridge.Options().alpha(2.0)).fit(xy[0], xy[1]);
            assertArrayEquals(one.coef().toDoubleArray(), many.coef().toDoubleArray());
            assertEquals(one.intercept(), many.intercept());

            // the same problem written out: centred X and y, (XcᵀXc + 2I) w = Xcᵀyc
            double[] x = xy[0].toDoubleArray(), y = xy[1].toDoubleArray(), mean = new double[d];
            double yMean = 0;
            for (int i = 0; i < n; i++) {
                yMean += y[i] / n;
                for (int j = 0; j < d; j++) mean[j] += x[i * d + j] / n;
            }
            double[][] a = new double[d][d + 1];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < d; j++) {
                    double xj = x[i * d + j] - mean[j];
                    for (int k = 0; k < d; k++) a[j][k] += xj * (x[i * d + k] - mean[k]);
                    a[j][d] += xj * (y[i] - yMean);
                }
            for (int j = 0; j < d; j++) a[j][j] += 2.0;
            double[] w = gauss(a);
            assertArrayEquals(w, one.coef().toDoubleArray(), 1e-9);
            double intercept = yMean;
            for (int j = 0; j < d; j++) intercept -= mean[j] * w[j];
            assertEquals(intercept, one.intercept(), 1e-8);
        } finally {
            Parallel.setThreads(previous);
        }
    }

    @Test
    void aNonFiniteValueInXIsNamedWhateverTheSolverAndClassCount() {
        Tensor[] xy = data(50, 3, 4, true);
        double[] x = xy[0].toDoubleArray(), y3 = xy[1].toDoubleArray();
        x[37 * 3 + 2] = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 50; i += 3) y3[i] = 2; // a third class: multinomial
        Tensor bad = Nabla.tensor(x, 50, 3);
        String message = "LogisticRegression: X contains Infinity at row 37, column 2; expected finite values (impute missing values first, e.g. with SimpleImputer)";
        for (LogisticSolver solver : LogisticSolver.values())
            for (Tensor y : new Tensor[] {xy[1], Nabla.tensor(y3, 50)}) {
                LogisticRegression model = new LogisticRegression(new LogisticRegression.Options().solver(solver));
                assertEquals(message, org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> model.fit(bad, y)).getMessage(),
                        solver + " " + y.toDoubleArray().length);
            }
    }

    @Test
    void ridgeWithoutPenaltyOnSingularXFallsBackToMinimumNormLeastSquares() {
        Tensor[] xy = data(200, 4, 5, false);
        double[] x = xy[0].toDoubleArray(), wide = new double[200 * 5];
        for (int i = 0; i < 200; i++) System.arraycopy(x, i * 4, wide, i * 5, 4); // a constant column: XcᵀXc is singular
        Tensor xs = Nabla.tensor(wide, 200, 5);
        double[] ridge = new Ridge(new Ridge.Options().alpha(0)).fit(xs, xy[1]).coef().toDoubleArray();
        double[] ols = new LinearRegression().fit(xs, xy[1]).coef().toDoubleArray();
        assertArrayEquals(ols, ridge, 1e-8);
        assertEquals(0.0, ridge[4], 1e-12);
    }

    /** Gaussian elimination with partial pivoting on [A | b]. */
    private static double[] gauss(double[][] ab) {
        int d = ab.length;
        for (int c = 0; c < d; c++) {
            int best = c;
            for (int i = c + 1; i < d; i++) if (Math.abs(ab[i][c]) > Math.abs(ab[best][c])) best = i;
            double[] tmp = ab[c];
            ab[c] = ab[best];
            ab[best] = tmp;
            for (int i = c + 1; i < d; i++) {
                double f = ab[i][c] / ab[c][c];
                for (int k = c; k <= d; k++) ab[i][k] -= f * ab[c][k];
            }
        }
        double[] w = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double s = ab[i][d];
            for (int k = i + 1; k < d; k++) s -= ab[i][k] * w[k];
            w[i] = s / ab[i][i];
        }
        return w;
    }
}
