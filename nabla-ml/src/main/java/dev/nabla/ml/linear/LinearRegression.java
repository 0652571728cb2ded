package dev.nabla.ml.linear;

import dev.nabla.Tensor;
import dev.nabla.ml.Matrix;

/** Ordinary least squares; rank-deficient X gets the minimum-norm solution. */
public final class LinearRegression extends LinearRegressorBase<LinearRegression, LinearRegression.Options> {
    public record Options(boolean fitIntercept) {
        public Options() {
            this(true);
        }

        public Options fitIntercept(boolean v) {
            return new Options(v);
        }
    }

    public LinearRegression() {
        this(new Options());
    }

    public LinearRegression(Options options) {
        super(options);
    }

    @Override
    protected LinearRegression withOptions(Options o) {
        return new LinearRegression(o);
    }

    @Override
    protected boolean fitIntercept() {
        return options.fitIntercept();
    }

    @Override
    protected double[] solve(Matrix x, double[] y) {
        return Gram.leastSquares(x, y);
    }

    @Override
    public LinearRegression fit(Tensor x, Tensor y) {
        return super.fit(x, y);
    }
}
