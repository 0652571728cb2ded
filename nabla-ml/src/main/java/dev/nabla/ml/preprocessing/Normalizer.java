package dev.nabla.ml.preprocessing;

import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Transformer;
import dev.nabla.ml.Validation;

/** Scales each sample (row) to unit norm; stateless apart from the feature count. Zero rows stay zero. */
public final class Normalizer extends BaseEstimator<Normalizer, Normalizer.Options> implements Transformer {
    public enum Norm { L1, L2, MAX }

    public record Options(Norm norm) {
        public Options {
            if (norm == null) throw new IllegalArgumentException("Normalizer: norm must be one of [l1, l2, max]");
        }

        public Options() {
            this(Norm.L2);
        }

        public Options norm(Norm v) {
            return new Options(v);
        }
    }

    private int nFeatures;

    public Normalizer() {
        this(new Options());
    }

    public Normalizer(Options options) {
        super(options);
    }

    @Override
    protected Normalizer withOptions(Options o) {
        return new Normalizer(o);
    }

    @Override
    public Normalizer fit(Tensor x) {
        nFeatures = Validation.features(name(), x).cols();
        markFitted();
        return this;
    }

    @Override
    public Tensor transform(Tensor x) {
        requireFitted("transform");
        Matrix m = Validation.features(name(), x);
        Validation.featureCount(name(), m, nFeatures);
        double[] a = m.data();
        int d = m.cols();
        for (int i = 0; i < m.rows(); i++) {
            double norm = 0;
            for (int j = i * d; j < (i + 1) * d; j++)
                norm = switch (options.norm()) {
                    case L1 -> norm + Math.abs(a[j]);
                    case L2 -> norm + a[j] * a[j];
                    case MAX -> Math.max(norm, Math.abs(a[j]));
                };
            if (options.norm() == Norm.L2) norm = Math.sqrt(norm);
            if (norm == 0) continue;
            for (int j = i * d; j < (i + 1) * d; j++) a[j] /= norm;
        }
        return m.toTensor(x.dtype());
    }

    @Override
    protected void saveState(State out) {
        out.put("nFeatures", nFeatures);
    }

    @Override
    protected void loadState(State in) {
        nFeatures = in.integer("nFeatures");
    }
}
