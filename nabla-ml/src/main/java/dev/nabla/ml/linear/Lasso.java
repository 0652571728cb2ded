package dev.nabla.ml.linear;

import dev.nabla.Tensor;
import dev.nabla.ml.Check;
import dev.nabla.ml.Matrix;

/** Linear regression with an L1 penalty (sparse coefficients): (1/2n)·||y - Xw||² + alpha·||w||₁. */
public final class Lasso extends LinearRegressorBase<Lasso, Lasso.Options> {
    public record Options(double alpha, boolean fitIntercept, int maxIter, double tol) {
        public Options {
            Check.nonNegative("Lasso", "alpha", alpha);
            Check.positive("Lasso", "maxIter", maxIter);
            Check.nonNegative("Lasso", "tol", tol);
        }

        public Options() {
            this(1.0, true, 1000, 1e-4);
        }

        public Options alpha(double v) {
            return new Options(v, fitIntercept, maxIter, tol);
        }

        public Options fitIntercept(boolean v) {
            return new Options(alpha, v, maxIter, tol);
        }

        public Options maxIter(int v) {
            return new Options(alpha, fitIntercept, v, tol);
        }

        public Options tol(double v) {
            return new Options(alpha, fitIntercept, maxIter, v);
        }
    }

    public Lasso() {
        this(new Options());
    }

    public Lasso(Options options) {
        super(options);
    }

    @Override
    protected Lasso withOptions(Options o) {
        return new Lasso(o);
    }

    @Override
    protected boolean fitIntercept() {
        return options.fitIntercept();
    }

    @Override
    protected double[] solve(Matrix x, double[] y) {
        return CoordinateDescent.solve(x, y, options.alpha(), 1, options.maxIter(), options.tol());
    }

    @Override
    public Lasso fit(Tensor x, Tensor y) {
        return super.fit(x, y);
    }
}
