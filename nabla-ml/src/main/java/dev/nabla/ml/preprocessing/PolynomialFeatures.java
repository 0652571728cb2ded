package dev.nabla.ml.preprocessing;

import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Check;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Transformer;
import dev.nabla.ml.Validation;
import java.util.ArrayList;
import java.util.List;

/**
 * All products of features up to a degree, in sklearn's column order: bias, then degree 1, 2, ...
 * each as combinations with replacement of feature indices in lexicographic order.
 */
public final class PolynomialFeatures extends BaseEstimator<PolynomialFeatures, PolynomialFeatures.Options> implements Transformer {
    /** @param interactionOnly only products of distinct features (no x², x³) */
    public record Options(int degree, boolean interactionOnly, boolean includeBias) {
        public Options {
            Check.positive("PolynomialFeatures", "degree", degree);
        }

        public Options() {
            this(2, false, true);
        }

        public Options degree(int v) {
            return new Options(v, interactionOnly, includeBias);
        }

        public Options interactionOnly(boolean v) {
            return new Options(degree, v, includeBias);
        }

        public Options includeBias(boolean v) {
            return new Options(degree, interactionOnly, v);
        }
    }

    private int nFeatures;
    private int[][] powers; // one index tuple per output column

    public PolynomialFeatures() {
        this(new Options());
    }

    public PolynomialFeatures(Options options) {
        super(options);
    }

    @Override
    protected PolynomialFeatures withOptions(Options o) {
        return new PolynomialFeatures(o);
    }

    @Override
    public PolynomialFeatures fit(Tensor x) {
        nFeatures = Validation.features(name(), x).cols();
        List<int[]> combos = new ArrayList<>();
        for (int d = options.includeBias() ? 0 : 1; d <= options.degree(); d++) combinations(new int[d], 0, 0, combos);
        powers = combos.toArray(int[][]::new);
        markFitted();
        return this;
    }

    private void combinations(int[] prefix, int pos, int start, List<int[]> out) {
        if (pos == prefix.length) {
            out.add(prefix.clone());
            return;
        }
        for (int f = start; f < nFeatures; f++) {
            prefix[pos] = f;
            combinations(prefix, pos + 1, options.interactionOnly() ? f + 1 : f, out);
        }
    }

    @Override
    public Tensor transform(Tensor x) {
        requireFitted("transform");
        Matrix m = Validation.features(name(), x);
        Validation.featureCount(name(), m, nFeatures);
        Matrix out = Matrix.zeros(m.rows(), powers.length);
        for (int i = 0; i < m.rows(); i++)
            for (int c = 0; c < powers.length; c++) {
                double p = 1;
                for (int f : powers[c]) p *= m.get(i, f);
                out.set(i, c, p);
            }
        return out.toTensor(x.dtype());
    }

    /** The number of output columns. */
    public int nOutputFeatures() {
        requireFitted("nOutputFeatures");
        return powers.length;
    }

    @Override
    protected void saveState(State out) {
        out.put("nFeatures", nFeatures).put("powers", powers);
    }

    @Override
    protected void loadState(State in) {
        nFeatures = in.integer("nFeatures");
        powers = in.get("powers", int[][].class);
    }
}
