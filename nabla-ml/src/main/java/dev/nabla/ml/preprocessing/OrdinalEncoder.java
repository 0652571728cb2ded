package dev.nabla.ml.preprocessing;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Transformer;
import dev.nabla.ml.Validation;

/** Replaces each category by its index 0..k-1 among the column's sorted categories. */
public final class OrdinalEncoder extends BaseEstimator<OrdinalEncoder, OrdinalEncoder.Options> implements Transformer {
    /** @param unknownValue the code for unseen categories with {@link HandleUnknown#USE_ENCODED_VALUE} (NaN allowed) */
    public record Options(HandleUnknown handleUnknown, double unknownValue) {
        public Options {
            if (handleUnknown != HandleUnknown.ERROR && handleUnknown != HandleUnknown.USE_ENCODED_VALUE)
                throw new IllegalArgumentException("OrdinalEncoder: handleUnknown must be error or use_encoded_value, got " + handleUnknown);
        }

        public Options() {
            this(HandleUnknown.ERROR, Double.NaN);
        }

        public Options handleUnknown(HandleUnknown v) {
            return new Options(v, unknownValue);
        }

        public Options unknownValue(double v) {
            return new Options(handleUnknown, v);
        }
    }

    private Categories categories;

    public OrdinalEncoder() {
        this(new Options());
    }

    public OrdinalEncoder(Options options) {
        super(options);
    }

    @Override
    protected OrdinalEncoder withOptions(Options o) {
        return new OrdinalEncoder(o);
    }

    @Override
    public OrdinalEncoder fit(Tensor x) {
        categories = Categories.fit(Validation.categories(name(), x));
        markFitted();
        return this;
    }

    @Override
    public Tensor transform(Tensor x) {
        requireFitted("transform");
        Matrix m = Validation.categories(name(), x);
        Validation.featureCount(name(), m, categories.columns());
        double[] a = m.data();
        for (int i = 0; i < a.length; i++) {
            int j = i % m.cols();
            int k = categories.code(j, a[i]);
            if (k < 0 && options.handleUnknown() == HandleUnknown.ERROR)
                throw categories.unknown(name(), j, a[i], "set handleUnknown to use_encoded_value to map unknown categories to unknownValue");
            a[i] = k < 0 ? options.unknownValue() : k;
        }
        return m.toTensor(x.dtype().isFloatingPoint() ? x.dtype() : DType.FLOAT64);
    }

    @Override
    public Tensor inverseTransform(Tensor x) {
        requireFitted("inverseTransform");
        Matrix m = Validation.features(name(), x, true);
        Validation.featureCount(name(), m, categories.columns());
        double[] a = m.data();
        for (int i = 0; i < a.length; i++) {
            double[] cats = categories.perColumn()[i % m.cols()];
            int k = (int) a[i];
            a[i] = a[i] == k && k >= 0 && k < cats.length ? cats[k] : Double.NaN;
        }
        return m.toTensor(x.dtype());
    }

    public Tensor categories(int j) {
        requireFitted("categories");
        return Nabla.tensor(categories.perColumn()[j], categories.perColumn()[j].length);
    }

    @Override
    protected void saveState(State out) {
        out.put("categories", categories.perColumn());
    }

    @Override
    protected void loadState(State in) {
        categories = new Categories(in.matrix("categories"));
    }
}
