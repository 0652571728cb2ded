package dev.nabla.ml.preprocessing;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Transformer;
import dev.nabla.ml.Validation;

/** Removes the mean and scales to unit variance per feature (population variance, as sklearn). */
public final class StandardScaler extends BaseEstimator<StandardScaler, StandardScaler.Options> implements Transformer {
    public record Options(boolean withMean, boolean withStd) {
        public Options() {
            this(true, true);
        }

        public Options withMean(boolean v) {
            return new Options(v, withStd);
        }

        public Options withStd(boolean v) {
            return new Options(withMean, v);
        }
    }

    private double[] mean, var, scale;

    public StandardScaler() {
        this(new Options());
    }

    public StandardScaler(Options options) {
        super(options);
    }

    @Override
    protected StandardScaler withOptions(Options o) {
        return new StandardScaler(o);
    }

    @Override
    public StandardScaler fit(Tensor x) {
        Matrix m = Validation.features(name(), x);
        int d = m.cols();
        mean = new double[d];
        var = new double[d];
        scale = new double[d];
        for (int j = 0; j < d; j++) {
            double[] col = m.column(j);
            double mu = 0;
            for (double v : col) mu += v;
            mu /= col.length;
            double s = 0;
            for (double v : col) s += (v - mu) * (v - mu);
            mean[j] = mu;
            var[j] = s / col.length;
            // a constant feature (variance within rounding of 0, sklearn's bound) keeps scale 1: it maps to 0, not NaN
            double n = col.length, eps = Math.ulp(1.0);
            scale[j] = var[j] <= n * eps * var[j] + (n * mu * eps) * (n * mu * eps) ? 1 : Math.sqrt(var[j]);
        }
        markFitted();
        return this;
    }

    @Override
    public Tensor transform(Tensor x) {
        return apply(x, false, "transform");
    }

    @Override
    public Tensor inverseTransform(Tensor x) {
        return apply(x, true, "inverseTransform");
    }

    private Tensor apply(Tensor x, boolean inverse, String method) {
        requireFitted(method);
        Matrix m = Validation.features(name(), x);
        Validation.featureCount(name(), m, mean.length);
        double[] a = m.data();
        int d = m.cols();
        for (int i = 0; i < a.length; i++) {
            int j = i % d;
            double mu = options.withMean() ? mean[j] : 0, s = options.withStd() ? scale[j] : 1;
            a[i] = inverse ? a[i] * s + mu : (a[i] - mu) / s;
        }
        return m.toTensor(x.dtype());
    }

    public Tensor mean() {
        requireFitted("mean");
        return Nabla.tensor(mean, mean.length);
    }

    public Tensor var() {
        requireFitted("var");
        return Nabla.tensor(var, var.length);
    }

    public Tensor scale() {
        requireFitted("scale");
        return Nabla.tensor(scale, scale.length);
    }

    @Override
    protected void saveState(State out) {
        out.put("mean", mean).put("var", var).put("scale", scale);
    }

    @Override
    protected void loadState(State in) {
        mean = in.doubles("mean");
        var = in.doubles("var");
        scale = in.doubles("scale");
    }
}
