package dev.nabla.ml.linear;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.Regressor;
import dev.nabla.ml.State;
import dev.nabla.ml.Validation;

/**
 * y ≈ X·coef + intercept. With an intercept, X and y are centred first and the solver sees the
 * centred problem (so the intercept is never penalised), exactly as scikit-learn does. X itself is
 * never copied or changed here: a solver that needs the centred X makes it ({@link #solve(Matrix, double[], double[])}).
 */
public abstract class LinearRegressorBase<E extends LinearRegressorBase<E, O>, O extends Record> extends BaseEstimator<E, O> implements Regressor {
    private double[] coef;
    private double intercept;

    protected LinearRegressorBase(O options) {
        super(options);
    }

    protected abstract boolean fitIntercept();

    /** The coefficients minimising the model's objective on (centred) data; the solver owns x and y and may change them. */
    protected abstract double[] solve(Matrix x, double[] y);

    /**
     * The coefficients on the centred problem: the rows of x minus xMean (zeros without an intercept)
     * against y, already centred. x is the caller's data, read-only; this default solves on a centred copy,
     * and solvers that can centre on the fly (Ridge's normal equations) override it.
     */
    protected double[] solve(Matrix x, double[] xMean, double[] y) {
        return solve(Centering.centred(x, xMean), y);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E fit(Tensor x, Tensor y) {
        Matrix m;
        double[] xMean;
        if (fitIntercept()) {
            Validation.FeaturesAndMeans checked = Validation.featuresReadOnlyWithMeans(name(), x);
            m = checked.x();
            xMean = checked.mean();
        } else {
            m = Validation.featuresReadOnly(name(), x);
            xMean = new double[m.cols()];
        }
        double[] target = Validation.target(name(), y, m.rows()); // a fresh array, centred in place
        double yMean = 0;
        if (fitIntercept()) {
            yMean = Centering.mean(target);
            for (int i = 0; i < target.length; i++) target[i] -= yMean;
        }
        coef = solve(m, xMean, target);
        intercept = yMean;
        for (int j = 0; j < coef.length; j++) intercept -= xMean[j] * coef[j];
        markFitted();
        return (E) this;
    }

    @Override
    public Tensor predict(Tensor x) {
        requireFitted("predict");
        Matrix m = Validation.featuresReadOnly(name(), x);
        Validation.featureCount(name(), m, coef.length);
        Tensor out = Nabla.tensor(m.data(), m.rows(), m.cols()).matmul(Nabla.tensor(coef, coef.length)).add(intercept);
        return out.to(DType.FLOAT64);
    }

    public Tensor coef() {
        requireFitted("coef");
        return Nabla.tensor(coef, coef.length);
    }

    public double intercept() {
        requireFitted("intercept");
        return intercept;
    }

    @Override
    protected void saveState(State out) {
        out.put("coef", coef).put("intercept", intercept);
    }

    @Override
    protected void loadState(State in) {
        coef = in.doubles("coef");
        intercept = in.number("intercept");
    }
}
