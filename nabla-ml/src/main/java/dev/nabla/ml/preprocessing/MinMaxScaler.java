package dev.nabla.ml.preprocessing;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Transformer;
import dev.nabla.ml.Validation;

/** Scales each feature linearly so the training range maps to [min, max]. */
public final class MinMaxScaler extends BaseEstimator<MinMaxScaler, MinMaxScaler.Options> implements Transformer {
    /** @param clip clamp transformed values that fall outside the range (data outside the training range) */
    public record Options(double min, double max, boolean clip) {
        public Options {
            if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max))
                throw new IllegalArgumentException("MinMaxScaler: feature range needs finite min < max, got [" + min + ", " + max + "]");
        }

        public Options() {
            this(0, 1, false);
        }

        public Options range(double lo, double hi) {
            return new Options(lo, hi, clip);
        }

        public Options clip(boolean v) {
            return new Options(min, max, v);
        }
    }

    private double[] dataMin, dataMax, scale, offset;

    public MinMaxScaler() {
        this(new Options());
    }

    public MinMaxScaler(Options options) {
        super(options);
    }

    @Override
    protected MinMaxScaler withOptions(Options o) {
        return new MinMaxScaler(o);
    }

    @Override
    public MinMaxScaler fit(Tensor x) {
        Matrix m = Validation.features(name(), x);
        int d = m.cols();
        dataMin = new double[d];
        dataMax = new double[d];
        scale = new double[d];
        offset = new double[d];
        for (int j = 0; j < d; j++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double v : m.column(j)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            dataMin[j] = lo;
            dataMax[j] = hi;
            double range = hi - lo;
            scale[j] = (options.max() - options.min()) / (range == 0 ? 1 : range);
            offset[j] = options.min() - lo * scale[j];
        }
        markFitted();
        return this;
    }

    @Override
    public Tensor transform(Tensor x) {
        requireFitted("transform");
        Matrix m = checked(x);
        double[] a = m.data();
        for (int i = 0; i < a.length; i++) {
            int j = i % m.cols();
            a[i] = a[i] * scale[j] + offset[j];
            if (options.clip()) a[i] = Math.min(Math.max(a[i], options.min()), options.max());
        }
        return m.toTensor(x.dtype());
    }

    @Override
    public Tensor inverseTransform(Tensor x) {
        requireFitted("inverseTransform");
        Matrix m = checked(x);
        double[] a = m.data();
        for (int i = 0; i < a.length; i++) {
            int j = i % m.cols();
            a[i] = (a[i] - offset[j]) / scale[j];
        }
        return m.toTensor(x.dtype());
    }

    private Matrix checked(Tensor x) {
        Matrix m = Validation.features(name(), x);
        Validation.featureCount(name(), m, scale.length);
        return m;
    }

    public Tensor dataMin() {
        requireFitted("dataMin");
        return Nabla.tensor(dataMin, dataMin.length);
    }

    public Tensor dataMax() {
        requireFitted("dataMax");
        return Nabla.tensor(dataMax, dataMax.length);
    }

    @Override
    protected void saveState(State out) {
        out.put("dataMin", dataMin).put("dataMax", dataMax).put("scale", scale).put("offset", offset);
    }

    @Override
    protected void loadState(State in) {
        dataMin = in.doubles("dataMin");
        dataMax = in.doubles("dataMax");
        scale = in.doubles("scale");
        offset = in.doubles("offset");
    }

}
