package dev.nabla.ml.preprocessing;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Labels;
import dev.nabla.ml.State;
import dev.nabla.ml.Validation;

/** Encodes a 1-D target's labels as int64 codes 0..k-1 (sorted labels) and back. Works on y, not X. */
public final class LabelEncoder extends BaseEstimator<LabelEncoder, LabelEncoder.Options> {
    /** LabelEncoder has no hyper-parameters. */
    public record Options() {}

    private Labels labels;

    public LabelEncoder() {
        this(new Options());
    }

    public LabelEncoder(Options options) {
        super(options);
    }

    @Override
    protected LabelEncoder withOptions(Options o) {
        return new LabelEncoder(o);
    }

    public LabelEncoder fit(Tensor y) {
        double[] v = Validation.target(name(), y, y == null ? 0 : y.size(0));
        labels = Labels.fit(name(), v, y.dtype(), 1);
        markFitted();
        return this;
    }

    public Tensor transform(Tensor y) {
        requireFitted("transform");
        int[] codes = labels.encode(name(), Validation.target(name(), y, y == null ? 0 : y.size(0)));
        long[] out = new long[codes.length];
        for (int i = 0; i < codes.length; i++) out[i] = codes[i];
        return Nabla.tensor(out, out.length);
    }

    public Tensor fitTransform(Tensor y) {
        return fit(y).transform(y);
    }

    public Tensor inverseTransform(Tensor codes) {
        requireFitted("inverseTransform");
        double[] c = Validation.target(name(), codes, codes == null ? 0 : codes.size(0));
        int[] idx = new int[c.length];
        for (int i = 0; i < c.length; i++) {
            if (c[i] != Math.rint(c[i]) || c[i] < 0 || c[i] >= labels.size())
                throw new IllegalArgumentException(name() + ": code " + c[i] + " is not in 0.." + (labels.size() - 1));
            idx[i] = (int) c[i];
        }
        return labels.decode(idx);
    }

    public Tensor classes() {
        requireFitted("classes");
        return labels.asTensor();
    }

    @Override
    protected void saveState(State out) {
        out.put("labels", labels);
    }

    @Override
    protected void loadState(State in) {
        labels = in.get("labels", Labels.class);
    }
}
