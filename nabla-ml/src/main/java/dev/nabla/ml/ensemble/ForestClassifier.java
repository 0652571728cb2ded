package dev.nabla.ml.ensemble;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Classifier;
import dev.nabla.ml.Labels;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Validation;
import dev.nabla.ml.linear.ClassWeight;
import dev.nabla.ml.metrics.Metrics;
import dev.nabla.ml.tree.Columns;
import dev.nabla.ml.tree.Tree;
import dev.nabla.ml.tree.TreeBuilder;
import dev.nabla.ml.tree.TreePredictions;

/**
 * The shared body of RandomForestClassifier and ExtraTreesClassifier: trees grown in parallel on
 * bootstrap samples (or all rows), probabilities averaged over trees (sklearn's soft voting).
 */
public abstract class ForestClassifier<E extends ForestClassifier<E, O>, O extends Record & ForestClassifier.Options>
        extends BaseEstimator<E, O> implements Classifier {
    /** Forest options plus class weights. */
    public interface Options extends ForestOptions {
        ClassWeight classWeight();
    }

    private Labels labels;
    private Tree[] trees;
    private int nFeatures;
    private double oobScore = Double.NaN;

    protected ForestClassifier(O options) {
        super(options);
    }

    /** True for extra trees: one random threshold per candidate feature instead of the best one. */
    protected abstract boolean randomThresholds();

    @Override
    public E fit(Tensor x, Tensor y) {
        Matrix m = Validation.featuresReadOnly(name(), x); // only read, never kept
        double[] target = Validation.target(name(), y, m.rows());
        labels = Labels.fit(name(), target, y.dtype(), 1);
        int[] codes = labels.encode(name(), target);
        ClassWeight cw = options.classWeight();
        double[] base = cw.equals(ClassWeight.NONE) ? null : cw.sampleWeights(name(), labels.classes(), codes);
        nFeatures = m.cols();
        TreeBuilder.Growth g = Forest.growth(name(), options, nFeatures, randomThresholds());
        Columns cols = Columns.of(m);
        int k = labels.size();
        Forest.Grown grown = Forest.grow(m.rows(), options.nEstimators(), options.bootstrap(), options.oobScore(), base, options.randomState(),
                (w, samples, seed) -> TreeBuilder.classification(cols, codes, k, w, samples, g, seed));
        trees = grown.trees();
        if (options.oobScore()) {
            int[] oob = TreePredictions.argmax(Forest.outOfBag(grown, m, k, true), k);
            oobScore = Metrics.accuracy(y, labels.decode(oob));
        }
        markFitted();
        @SuppressWarnings("unchecked") E self = (E) this;
        return self;
    }

    @Override
    public Tensor predictProba(Tensor x) {
        double[] p = Forest.proba(trees, features(x, "predictProba"), labels.size());
        return Nabla.tensor(p, p.length / labels.size(), labels.size());
    }

    @Override
    public Tensor predict(Tensor x) {
        return labels.decode(TreePredictions.argmax(Forest.proba(trees, features(x, "predict"), labels.size()), labels.size()));
    }

    /** Forests have no margin: the positive-class probability for two classes, else all probabilities. */
    @Override
    public Tensor decisionFunction(Tensor x) {
        Tensor p = predictProba(x);
        return labels.size() == 2 ? p.select(1, 1).contiguous() : p;
    }

    @Override
    public Tensor classes() {
        requireFitted("classes");
        return labels.asTensor();
    }

    /** Mean decrease in impurity averaged over trees, summing to 1. */
    public Tensor featureImportances() {
        requireFitted("featureImportances");
        double[] imp = Forest.importances(trees, nFeatures);
        return Nabla.tensor(imp, imp.length);
    }

    /** Accuracy of the out-of-bag predictions (needs oobScore=true). */
    public double oobScore() {
        requireFitted("oobScore");
        if (!options.oobScore()) throw new IllegalStateException(name() + ": oobScore was not computed; fit with oobScore=true");
        return oobScore;
    }

    public Tree[] estimators() {
        requireFitted("estimators");
        return trees.clone();
    }

    private Matrix features(Tensor x, String method) {
        requireFitted(method);
        Matrix m = Validation.featuresReadOnly(name(), x); // only read, never kept
        Validation.featureCount(name(), m, nFeatures);
        return m;
    }

    @Override
    protected void saveState(State out) {
        out.put("labels", labels).put("nFeatures", nFeatures).put("oobScore", Double.isNaN(oobScore) ? null : oobScore).put("trees", trees);
    }

    @Override
    protected void loadState(State in) {
        labels = in.get("labels", Labels.class);
        nFeatures = in.integer("nFeatures");
        Double oob = in.get("oobScore", Double.class);
        oobScore = oob == null ? Double.NaN : oob;
        trees = in.get("trees", Tree[].class);
    }
}
