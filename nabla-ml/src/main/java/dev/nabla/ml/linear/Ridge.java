package dev.nabla.ml.linear;

import dev.nabla.Tensor;
import dev.nabla.ml.Check;
import dev.nabla.ml.Matrix;

/** Least squares with an L2 penalty: minimises ||y - Xw||² + alpha·||w||², solved in closed form (Cholesky on the normal equations). */
public final class Ridge extends LinearRegressorBase<Ridge, Ridge.Options> {
    public record Options(double alpha, boolean fitIntercept) {
        public Options {
            Check.nonNegative("Ridge", "alpha", alpha);
        }

        public Options() {
            this(1.0, true);
        }

        public Options alpha(double v) {
            return new Options(v, fitIntercept);
        }

        public Options fitIntercept(boolean v) {
            return new Options(alpha, v);
        }
    }

    public Ridge() {
        this(new Options());
    }

    public Ridge(Options options) {
        super(options);
    }

    @Override
    protected Ridge withOptions(Options o) {
        return new Ridge(o);
    }

    @Override
    protected boolean fitIntercept() {
        return options.fitIntercept();
    }

    @Override
    protected double[] solve(Matrix x, double[] y) {
        return Gram.ridge(x, new double[x.cols()], y, options.alpha());
    }

    /** Straight from the normal equations, centring X strip by strip as they are formed: X is read once, never copied. */
    @Override
    protected double[] solve(Matrix x, double[] xMean, double[] y) {
        return Gram.ridge(x, xMean, y, options.alpha());
    }

    @Override
    public Ridge fit(Tensor x, Tensor y) {
        return super.fit(x, y);
    }
}
