package dev.nabla.ml.preprocessing;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Transformer;
import dev.nabla.ml.Validation;
import java.util.Arrays;

/** Centres on the median and scales by the inter-quantile range, so outliers barely move the fit. */
public final class RobustScaler extends BaseEstimator<RobustScaler, RobustScaler.Options> implements Transformer {
    /** @param qMin @param qMax the quantile range in percent, default 25..75 (the IQR) */
    public record Options(boolean withCentering, boolean withScaling, double qMin, double qMax) {
        public Options {
            if (!(0 <= qMin && qMin < qMax && qMax <= 100))
                throw new IllegalArgumentException("RobustScaler: quantile range needs 0 <= qMin < qMax <= 100, got (" + qMin + ", " + qMax + ")");
        }

        public Options() {
            this(true, true, 25, 75);
        }

        public Options withCentering(boolean v) {
            return new Options(v, withScaling, qMin, qMax);
        }

        public Options withScaling(boolean v) {
            return new Options(withCentering, v, qMin, qMax);
        }

        public Options quantileRange(double lo, double hi) {
            return new Options(withCentering, withScaling, lo, hi);
        }
    }

    private double[] center, scale;

    public RobustScaler() {
        this(new Options());
    }

    public RobustScaler(Options options) {
        super(options);
    }

    @Override
    protected RobustScaler withOptions(Options o) {
        return new RobustScaler(o);
    }

    @Override
    public RobustScaler fit(Tensor x) {
        Matrix m = Validation.features(name(), x);
        center = new double[m.cols()];
        scale = new double[m.cols()];
        for (int j = 0; j < m.cols(); j++) {
            double[] col = m.column(j);
            Arrays.sort(col);
            center[j] = options.withCentering() ? Quantiles.sortedPercentile(col, 50) : 0;
            double range = Quantiles.sortedPercentile(col, options.qMax()) - Quantiles.sortedPercentile(col, options.qMin());
            scale[j] = !options.withScaling() || range == 0 ? 1 : range;
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
        Validation.featureCount(name(), m, scale.length);
        double[] a = m.data();
        for (int i = 0; i < a.length; i++) {
            int j = i % m.cols();
            a[i] = inverse ? a[i] * scale[j] + center[j] : (a[i] - center[j]) / scale[j];
        }
        return m.toTensor(x.dtype());
    }

    public Tensor center() {
        requireFitted("center");
        return Nabla.tensor(center, center.length);
    }

    public Tensor scale() {
        requireFitted("scale");
        return Nabla.tensor(scale, scale.length);
    }

    @Override
    protected void saveState(State out) {
        out.put("center", center).put("scale", scale);
    }

    @Override
    protected void loadState(State in) {
        center = in.doubles("center");
        scale = in.doubles("scale");
    }
}
