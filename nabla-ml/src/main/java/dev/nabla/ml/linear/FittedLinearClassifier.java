package dev.nabla.ml.linear;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Classifier;
import dev.nabla.ml.Labels;
import dev.nabla.ml.State;

/**
 * What LogisticRegression, LinearSvc and SgdClassifier learn alike: the class labels, one row of weights
 * and one intercept per output, and the iteration count; their accessors and saved state.
 */
abstract class FittedLinearClassifier<E extends FittedLinearClassifier<E, O>, O extends Record> extends BaseEstimator<E, O> implements Classifier {
    protected Labels labels;
    protected double[][] coef; // outputs x features
    protected double[] intercept;
    protected int nIter;

    protected FittedLinearClassifier(O options) {
        super(options);
    }

    @Override
    public Tensor classes() {
        requireFitted("classes");
        return labels.asTensor();
    }

    /** outputs x features: one row for two classes, one per class otherwise. */
    public Tensor coef() {
        requireFitted("coef");
        return Nabla.tensor(coef);
    }

    public Tensor intercept() {
        requireFitted("intercept");
        return Nabla.tensor(intercept, intercept.length);
    }

    /** Iterations (L-BFGS), epochs (SAGA, SGD) or coordinate-descent passes the fit took; the most over one-vs-rest problems (sklearn's n_iter_). */
    public int nIter() {
        requireFitted("nIter");
        return nIter;
    }

    @Override
    protected void saveState(State out) {
        out.put("labels", labels).put("coef", coef).put("intercept", intercept).put("nIter", nIter);
    }

    @Override
    protected void loadState(State in) {
        labels = in.get("labels", Labels.class);
        coef = in.matrix("coef");
        intercept = in.doubles("intercept");
        nIter = in.integer("nIter");
    }
}
