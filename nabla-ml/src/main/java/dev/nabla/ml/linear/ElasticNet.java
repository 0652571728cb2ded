package dev.nabla.ml.linear;

import dev.nabla.Tensor;
import dev.nabla.ml.Check;
import dev.nabla.ml.Matrix;

/**
 * Linear regression with combined L1 and L2 penalties, sklearn's objective:
 * (1/2n)·||y - Xw||² + alpha·l1Ratio·||w||₁ + (alpha/2)·(1 - l1Ratio)·||w||².
 */
public final class ElasticNet extends LinearRegressorBase<ElasticNet, ElasticNet.Options> {
    public record Options(double alpha, double l1Ratio, boolean fitIntercept, int maxIter, double tol) {
        public Options {
            Check.nonNegative("ElasticNet", "alpha", alpha);
            Check.inRange("ElasticNet", "l1Ratio", l1Ratio, 0, 1);
            Check.positive("ElasticNet", "maxIter", maxIter);
            Check.nonNegative("ElasticNet", "tol", tol);
        }

        public Options() {
            this(1.0, 0.5, true, 1000, 1e-4);
        }

        public Options alpha(double v) {
            return new Options(v, l1Ratio, fitIntercept, maxIter, tol);
        }

        public Options l1Ratio(double v) {
            return new Options(alpha, v, fitIntercept, maxIter, tol);
        }

        public Options fitIntercept(boolean v) {
            return new Options(alpha, l1Ratio, v, maxIter, tol);
        }

        public Options maxIter(int v) {
            return new Options(alpha, l1Ratio, fitIntercept, v, tol);
        }

        public Options tol(double v) {
            return new Options(alpha, l1Ratio, fitIntercept, maxIter, v);
        }
    }

    public ElasticNet() {
        this(new Options());
    }

    public ElasticNet(Options options) {
        super(options);
    }

    @Override
    protected ElasticNet withOptions(Options o) {
        return new ElasticNet(o);
    }

    @Override
    protected boolean fitIntercept() {
        return options.fitIntercept();
    }

    @Override
    protected double[] solve(Matrix x, double[] y) {
        return CoordinateDescent.solve(x, y, options.alpha(), options.l1Ratio(), options.maxIter(), options.tol());
    }

    @Override
    public ElasticNet fit(Tensor x, Tensor y) {
        return super.fit(x, y);
    }
}
