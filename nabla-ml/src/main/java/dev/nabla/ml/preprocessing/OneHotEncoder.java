package dev.nabla.ml.preprocessing;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Transformer;
import dev.nabla.ml.Validation;

/**
 * One 0/1 column per category of each input column (dense output, categories sorted). Categories are
 * numeric codes; unknown ones fail or, with {@link HandleUnknown#IGNORE}, encode as all zeros.
 */
public final class OneHotEncoder extends BaseEstimator<OneHotEncoder, OneHotEncoder.Options> implements Transformer {
    public record Options(HandleUnknown handleUnknown) {
        public Options {
            if (handleUnknown != HandleUnknown.ERROR && handleUnknown != HandleUnknown.IGNORE)
                throw new IllegalArgumentException("OneHotEncoder: handleUnknown must be error or ignore, got " + handleUnknown);
        }

        public Options() {
            this(HandleUnknown.ERROR);
        }

        public Options handleUnknown(HandleUnknown v) {
            return new Options(v);
        }
    }

    private Categories categories;

    public OneHotEncoder() {
        this(new Options());
    }

    public OneHotEncoder(Options options) {
        super(options);
    }

    @Override
    protected OneHotEncoder withOptions(Options o) {
        return new OneHotEncoder(o);
    }

    @Override
    public OneHotEncoder fit(Tensor x) {
        categories = Categories.fit(Validation.categories(name(), x));
        markFitted();
        return this;
    }

    @Override
    public Tensor transform(Tensor x) {
        requireFitted("transform");
        Matrix m = Validation.categories(name(), x);
        Validation.featureCount(name(), m, categories.columns());
        Matrix out = Matrix.zeros(m.rows(), outputWidth());
        for (int i = 0; i < m.rows(); i++) {
            int base = 0;
            for (int j = 0; j < m.cols(); j++) {
                int k = categories.code(j, m.get(i, j));
                if (k >= 0) out.set(i, base + k, 1);
                else if (options.handleUnknown() == HandleUnknown.ERROR)
                    throw categories.unknown(name(), j, m.get(i, j), "set handleUnknown to ignore to encode unknown categories as zeros");
                base += categories.perColumn()[j].length;
            }
        }
        return out.toTensor(x.dtype().isFloatingPoint() ? x.dtype() : DType.FLOAT64);
    }

    /** Back to category codes; an all-zero block (an ignored unknown) becomes NaN. */
    @Override
    public Tensor inverseTransform(Tensor x) {
        requireFitted("inverseTransform");
        Matrix m = Validation.features(name(), x);
        Validation.featureCount(name(), m, outputWidth());
        Matrix out = Matrix.zeros(m.rows(), categories.columns());
        for (int i = 0; i < m.rows(); i++) {
            int base = 0;
            for (int j = 0; j < categories.columns(); j++) {
                double[] cats = categories.perColumn()[j];
                int best = -1;
                for (int k = 0; k < cats.length; k++)
                    if (m.get(i, base + k) > 0 && (best < 0 || m.get(i, base + k) > m.get(i, base + best))) best = k;
                out.set(i, j, best < 0 ? Double.NaN : cats[best]);
                base += cats.length;
            }
        }
        return out.toTensor(x.dtype());
    }

    /** The categories of column j, sorted. */
    public Tensor categories(int j) {
        requireFitted("categories");
        return Nabla.tensor(categories.perColumn()[j], categories.perColumn()[j].length);
    }

    private int outputWidth() {
        int w = 0;
        for (double[] c : categories.perColumn()) w += c.length;
        return w;
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
